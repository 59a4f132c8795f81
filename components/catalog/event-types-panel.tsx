"use client";

import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useCreateEventType } from "@/lib/queries/use-create-event-type";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { type TEventType, ZEventTypeCreate } from "@/lib/validation/event-type";

const EMPTY = { name: "", description: "", group: "" };

/** The catalog a workspace's webhooks pick from, grouped: the built-in types and its own. */
function groups(types: TEventType[]): [string, TEventType[]][] {
  const byGroup = new Map<string, TEventType[]>();
  for (const t of types) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t]);
  return [...byGroup];
}

/** Settings → Event types and projects: the event catalog, and a form to describe the host's own types. */
export function EventTypesPanel() {
  const types = useEventTypes();
  const create = useCreateEventType();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = ZEventTypeCreate.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (created) => {
        setForm(EMPTY);
        toast.success(`Event type ${created.name} added: webhooks can subscribe to it now`);
      },
      onError: (e) => setErrors(errorsOf(e, "name")),
    });
  };

  return (
    <section aria-labelledby="event-types-title" className="space-y-4">
      <h2 id="event-types-title" className="text-base font-semibold text-gray-900">
        Event types
      </h2>
      <form onSubmit={submit} noValidate className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <p className="text-sm text-gray-600">Add an event your host publishes that the catalog lacks, and say when it happens.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Name"
            placeholder="e.g. invoices.paid"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.name}
          />
          <TextField
            label="Group"
            placeholder="e.g. Billing"
            value={form.group}
            onChange={(e) => setForm({ ...form, group: e.target.value })}
            error={errors.group}
          />
        </div>
        <TextField
          label="Description"
          placeholder="When an invoice is paid in full"
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
          error={errors.description}
        />
        <div className="flex justify-end">
          <Button type="submit" aria-disabled={create.isPending} className="aria-disabled:opacity-60">
            {create.isPending ? "Adding…" : "Add event type"}
          </Button>
        </div>
      </form>
      {types.error ? <ErrorAlert>Could not load the event types: {types.error.message}</ErrorAlert> : null}
      {types.isPending ? <p className="text-sm text-gray-500">Loading event types…</p> : null}
      {types.data ? (
        <div className="space-y-4" data-testid="event-catalog">
          {groups(types.data).map(([group, list]) => (
            <div key={group} className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
              <h3 className="border-b border-gray-100 px-4 py-2.5 text-sm font-semibold text-gray-900">{group}</h3>
              <ul className="divide-y divide-gray-100">
                {list.map((t) => (
                  <li key={t.name} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2.5">
                    <span className="font-mono text-sm break-all text-gray-900">{t.name}</span>
                    {t.isCustom ? <span className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-700">this workspace's</span> : null}
                    <span className="basis-full text-sm text-gray-600 sm:basis-auto">{t.description}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
