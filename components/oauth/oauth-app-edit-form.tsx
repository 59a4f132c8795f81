"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useUpdateOAuthApp } from "@/lib/queries/use-update-oauth-app";
import { type TOAuthApp, ZOAuthAppUpdate } from "@/lib/validation/oauth";

/** Rename an application and edit its redirect URIs (one per line), in place on its card. */
export function OAuthAppEditForm({ app, onDone }: { app: TOAuthApp; onDone: () => void }) {
  const update = useUpdateOAuthApp();
  const toast = useToast();
  const urisId = useId();
  const [name, setName] = useState(app.name);
  const [uris, setUris] = useState(app.redirectUris.join("\n"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const body = {
      name,
      redirectUris: uris
        .split("\n")
        .map((u) => u.trim())
        .filter(Boolean),
    };
    const parsed = ZOAuthAppUpdate.safeParse(body);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    update.mutate(
      { id: app.id, body: parsed.data },
      {
        onSuccess: (saved) => {
          toast.success(`“${saved.name}” saved`);
          onDone();
        },
        onError: (e) => setErrors(errorsOf(e, "name")),
      },
    );
  };
  const uriErrorText = errors.redirectUris;
  return (
    <form onSubmit={submit} noValidate className="space-y-3 border-t border-gray-100 p-5" aria-label={`Edit ${app.name}`}>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <div>
        <label htmlFor={urisId} className="block text-sm font-medium text-gray-900">
          Redirect URIs (one per line{app.clientType === "public" ? ", at least one" : "; none for client credentials only"})
        </label>
        <textarea
          id={urisId}
          rows={3}
          value={uris}
          onChange={(e) => setUris(e.target.value)}
          aria-invalid={uriErrorText ? true : undefined}
          aria-describedby={uriErrorText ? `${urisId}-error` : undefined}
          className={`mt-1.5 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-gray-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none ${uriErrorText ? "ring-red-400" : "ring-gray-300"}`}
        />
        {uriErrorText ? (
          <p id={`${urisId}-error`} className="mt-1.5 text-sm text-red-600">
            {uriErrorText}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" aria-disabled={update.isPending} className="aria-disabled:opacity-60">
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
