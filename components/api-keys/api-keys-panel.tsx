"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { KeyIcon } from "@/components/ui/icons";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { STACKED } from "@/components/ui/stacked-table";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { useApiKeys } from "@/lib/queries/use-api-keys";
import { useCreateApiKey } from "@/lib/queries/use-create-api-key";
import { useRestoreApiKey } from "@/lib/queries/use-restore-api-key";
import { useRevokeApiKey } from "@/lib/queries/use-revoke-api-key";
import { type TApiKey, ZApiKeyCreate } from "@/lib/validation/api-key";
import { SCOPES, type TScope, WORKSPACE_SCOPES } from "@/lib/validation/scopes";
import { ApiKeyRow } from "./api-key-row";
import { ScopesPicker } from "./scopes-picker";

/** A new key's scopes until the admin chooses: publishing events, what a host needs. */
const DEFAULT_SCOPES: TScope[] = ["events:publish"];

/** `canGrantOperator`: only an operator may give a key the operator scope (the server checks it again). */
export function ApiKeysPanel({ canGrantOperator = false }: { canGrantOperator?: boolean }) {
  const toast = useToast();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const restore = useRestoreApiKey();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  // What a host product needs to start with; an admin widens it on purpose.
  const [scopes, setScopes] = useState<TScope[]>(DEFAULT_SCOPES);
  const [scopesError, setScopesError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (nameError || scopesError) focusFirstInvalid(formRef.current);
  }, [nameError, scopesError]);
  const [shown, setShown] = useState<{ id: string; name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  const [restoring, setRestoring] = useState<TApiKey | null>(null);

  function onCreate(event: FormEvent) {
    event.preventDefault();
    const parsed = ZApiKeyCreate.safeParse({ name, scopes });
    const issueOf = (field: string) => (parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message);
    setNameError(issueOf("name"));
    setScopesError(issueOf("scopes"));
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (created) => {
        setShown({ id: created.id, name: created.name, key: created.key });
        // The next key starts from the defaults, not from this one's choice.
        setName("");
        setScopes(DEFAULT_SCOPES);
      },
      onError: (e) => setNameError(e.message),
    });
  }

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={onCreate} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <TextField
          label="New key name"
          name="name"
          placeholder="e.g. CRM production"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
        />
        <ScopesPicker
          legend="Scopes: what the key may do"
          value={scopes}
          onChange={setScopes}
          error={scopesError}
          offered={canGrantOperator ? SCOPES : WORKSPACE_SCOPES}
        />
        {/* After the scopes, in reading and tab order: a key is created with what is chosen above. */}
        <div className="flex justify-end">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>

      {shown ? (
        <div role="status" className="rounded-xl border border-green-200 bg-green-50 p-5">
          <p className="text-sm font-semibold text-green-900">Key “{shown.name}” created. Copy it now: it is not shown again.</p>
          <div className="mt-3">
            <SecretReveal label="New API key" value={shown.key} tone="success" />
          </div>
          <p className="mt-2 text-xs break-all text-green-900">
            Send it as the header <code className="font-mono">Authorization: Bearer {shown.key}</code>
          </p>
        </div>
      ) : null}

      {keys.error ? <ErrorAlert>Could not load API keys: {keys.error.message}</ErrorAlert> : null}
      {keys.data && keys.data.length === 0 ? (
        <EmptyState icon={<KeyIcon width={24} height={24} />} title="No API keys yet">
          A key is shown once when it is created and stored only as a hash. Keep it in your host product's secret store.
        </EmptyState>
      ) : null}
      {keys.data && keys.data.length > 0 ? (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <table className={STACKED.table}>
            <thead className={STACKED.thead}>
              <tr>
                <th className="px-4 py-3 font-semibold">Name</th>
                <th className="px-4 py-3 font-semibold">Key</th>
                <th className="px-4 py-3 font-semibold">Scopes</th>
                <th className="px-4 py-3 font-semibold">Created</th>
                <th className="px-4 py-3 font-semibold">Last used</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className={STACKED.tbody}>
              {keys.data.map((k) => (
                <ApiKeyRow key={k.id} apiKey={k} onRevoke={setRevoking} onRestore={setRestoring} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <ConfirmDialog
        isOpen={revoking !== null}
        title="Revoke this API key?"
        confirmLabel="Revoke"
        isDanger
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking)
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                toast.success(`Key “${revoking.name}” revoked`);
                // A revoked key is no longer one to copy.
                setShown((s) => (s?.id === revoking.id ? null : s));
              },
              onError: (e) => toast.error(`Could not revoke: ${e.message}`),
            });
          setRevoking(null);
        }}
      >
        {revoking?.revokedAt
          ? `“${revoking.name}” stays revoked and can no longer be restored.`
          : `Requests with “${revoking?.name}” fail from now on. This cannot be undone.`}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={restoring !== null}
        title="Restore this API key?"
        confirmLabel="Restore"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          if (restoring)
            restore.mutate(restoring.id, {
              onSuccess: () => toast.success(`Key “${restoring.name}” restored: you are now its creator`),
              onError: (e) => toast.error(`Could not restore: ${e.message}`),
            });
          setRestoring(null);
        }}
      >
        The same key works again, so whatever uses it needs no change, and you become its creator: it ends if you stop being an admin. Whoever holds the key can
        use it again, {restoring?.createdBy ? `${restoring.createdBy} too` : "its former creator too"}; if that worries you, revoke it and create a new key
        instead.
      </ConfirmDialog>
    </div>
  );
}
