"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { ApiClientError, fieldErrors } from "@/lib/client/api-client";
import { useCreateWorkspace } from "@/lib/queries/use-create-workspace";
import { slugFromName, ZWorkspaceCreate } from "@/lib/validation/workspace";

type TErrors = Partial<Record<"name" | "slug" | "form", string>>;

/** Create a workspace: a name, and a slug when the one made from the name will not do. */
export function WorkspaceForm() {
  const toast = useToast();
  const create = useCreateWorkspace();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [errors, setErrors] = useState<TErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstInvalid(formRef.current);
  }, [errors]);

  function onError(error: Error) {
    // A taken slug is a 409 without issues, but it is the slug field the operator has to change.
    if (error instanceof ApiClientError && error.status === 409) return setErrors({ slug: error.message });
    setErrors(error instanceof ApiClientError && error.issues.length ? fieldErrors(error.issues) : { form: error.message });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZWorkspaceCreate.safeParse({ name, slug: slug.trim() || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (workspace) => {
        toast.success(`Workspace “${workspace.name}” created (slug ${workspace.slug})`);
        setName("");
        setSlug("");
      },
      onError,
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="New workspace" className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Workspace name"
          name="name"
          placeholder="e.g. Acme Corp."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          className="flex-1"
        />
        <TextField
          label="Slug (optional)"
          name="slug"
          // The slug the server would make from the name, so leaving it empty is an informed choice.
          placeholder={name.trim() ? slugFromName(name) : "made from the name"}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          error={errors.slug}
          autoCapitalize="none"
          spellCheck={false}
          className="flex-1"
        />
        {/* Level with the inputs (below their labels), so an error under an input does not move it. */}
        <Button type="submit" disabled={create.isPending} className="sm:mt-[1.625rem]">
          {create.isPending ? "Creating…" : "Create workspace"}
        </Button>
      </div>
      <p className="text-xs text-gray-600">The slug names the workspace in the API and the CLI: lower-case letters, digits and dashes.</p>
      {errors.form ? (
        <p role="alert" tabIndex={-1} className="text-sm text-red-600">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}
