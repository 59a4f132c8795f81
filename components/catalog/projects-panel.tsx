"use client";

import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useProjects } from "@/lib/queries/use-projects";
import { useSaveProject } from "@/lib/queries/use-save-project";
import type { TProject } from "@/lib/validation/project";
import { ZProjectCreate, ZProjectRename } from "@/lib/validation/project";

/** One project: its id (the host's) and a name the admin can change in place. */
function ProjectRow({ project }: { project: TProject }) {
  const save = useSaveProject();
  const toast = useToast();
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string>();
  const isChanged = name.trim() !== project.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isChanged || save.isPending) return;
    const parsed = ZProjectRename.safeParse({ name });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    save.mutate(
      { id: project.id, name: parsed.data.name, isRename: true },
      { onSuccess: () => toast.success(`Project ${project.id} renamed`), onError: (e) => setError(e.message) },
    );
  };
  return (
    <li className="px-4 py-3">
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
        <span className="mt-2 w-32 shrink-0 font-mono text-sm break-all text-gray-700">{project.id}</span>
        <TextField
          label={`Name of ${project.id}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
          className="min-w-48 flex-1 [&>label]:sr-only"
        />
        <Button type="submit" variant="secondary" aria-disabled={!isChanged || save.isPending} className="mt-1.5 aria-disabled:opacity-60">
          Rename
        </Button>
      </form>
    </li>
  );
}

/**
 * Settings → Event types and projects: the projects a webhook can be limited to. The host's events
 * add them as they name them; an admin can add them first (so "Only these projects" has something
 * to pick before the first event) and give them names people recognise.
 */
export function ProjectsPanel() {
  const projects = useProjects();
  const save = useSaveProject();
  const toast = useToast();
  const [form, setForm] = useState({ id: "", name: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = ZProjectCreate.safeParse({ id: form.id, name: form.name || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(
      { id: parsed.data.id, name: parsed.data.name ?? parsed.data.id },
      {
        onSuccess: (p) => {
          setForm({ id: "", name: "" });
          toast.success(`Project ${p.id} saved`);
        },
        onError: (e) => setErrors(errorsOf(e, "id")),
      },
    );
  };
  return (
    <section aria-labelledby="projects-title" className="space-y-4">
      <h2 id="projects-title" className="text-base font-semibold text-gray-900">
        Projects
      </h2>
      <form onSubmit={submit} noValidate className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <p className="text-sm text-gray-600">
          Events name their project by the host's id. Add a project before its first event so webhooks can be limited to it, and name it for people.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Project id"
            placeholder="e.g. 42 or crm-eu"
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
            error={errors.id}
          />
          <TextField
            label="Name"
            placeholder="e.g. CRM Europe"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.name}
          />
        </div>
        <div className="flex justify-end">
          <Button type="submit" aria-disabled={save.isPending} className="aria-disabled:opacity-60">
            Add project
          </Button>
        </div>
      </form>
      {projects.error ? <ErrorAlert>Could not load the projects: {projects.error.message}</ErrorAlert> : null}
      {projects.data && projects.data.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-gray-600 ring-1 ring-gray-200">
          No projects yet: add one above, or publish an event that names one.
        </p>
      ) : null}
      {projects.data && projects.data.length > 0 ? (
        <ul className="divide-y divide-gray-100 rounded-xl bg-white shadow-sm ring-1 ring-gray-200" data-testid="project-list">
          {projects.data.map((p) => (
            <ProjectRow key={`${p.id} ${p.name}`} project={p} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
