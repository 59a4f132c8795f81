"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useToast } from "@/components/ui/toast";
import { useDeleteOAuthApp } from "@/lib/queries/use-delete-oauth-app";
import { useOAuthApps } from "@/lib/queries/use-oauth-apps";
import { useRestoreOAuthApp } from "@/lib/queries/use-restore-oauth-app";
import { useRevokeOAuthToken } from "@/lib/queries/use-revoke-oauth-token";
import { useRotateOAuthSecret } from "@/lib/queries/use-rotate-oauth-secret";
import type { TOAuthApp, TOAuthToken } from "@/lib/validation/oauth";
import { OAuthAppCard } from "./oauth-app-card";
import { OAuthAppForm } from "./oauth-app-form";

export function OAuthAppsPanel() {
  const toast = useToast();
  const apps = useOAuthApps();
  const remove = useDeleteOAuthApp();
  const revoke = useRevokeOAuthToken();
  const restore = useRestoreOAuthApp();
  const [deleting, setDeleting] = useState<TOAuthApp | null>(null);
  const [revoking, setRevoking] = useState<{ token: TOAuthToken; app: TOAuthApp } | null>(null);
  const [restoring, setRestoring] = useState<TOAuthApp | null>(null);
  const rotate = useRotateOAuthSecret();
  const [rotating, setRotating] = useState<TOAuthApp | null>(null);
  const [newSecret, setNewSecret] = useState<{ name: string; secret: string } | null>(null);

  return (
    <div className="space-y-6">
      <OAuthAppForm />
      {newSecret ? (
        <div role="status" className="rounded-xl border border-green-200 bg-green-50 p-5" data-testid="rotated-secret">
          <p className="text-sm font-semibold text-green-900">
            New client secret of “{newSecret.name}”. Copy it now: it is not shown again, and the old one no longer works.
          </p>
          <div className="mt-3">
            <SecretReveal label="New client secret" value={newSecret.secret} tone="success" />
          </div>
        </div>
      ) : null}
      {apps.error ? <ErrorAlert>Could not load applications: {apps.error.message}</ErrorAlert> : null}
      {apps.data && apps.data.length === 0 ? (
        <EmptyState icon={<KeyIcon width={24} height={24} />} title="No OAuth apps yet">
          Register an application to let it get tokens by consent (authorization code with PKCE) or as itself (client credentials).
        </EmptyState>
      ) : null}
      {apps.data && apps.data.length > 0 ? (
        <ul className="space-y-4">
          {apps.data.map((app) => (
            <OAuthAppCard
              key={app.id}
              app={app}
              onDelete={setDeleting}
              onRotate={setRotating}
              onRestore={setRestoring}
              onRevoke={(token, a) => setRevoking({ token, app: a })}
            />
          ))}
        </ul>
      ) : null}

      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete this application?"
        confirmLabel="Delete"
        isDanger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting)
            remove.mutate(deleting.id, {
              onSuccess: () => toast.success(`“${deleting.name}” deleted`),
              onError: (e) => toast.error(`Could not delete: ${e.message}`),
            });
          setDeleting(null);
        }}
      >
        “{deleting?.name}” and all its tokens stop working at once. This cannot be undone.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={rotating !== null}
        title="Rotate the client secret?"
        confirmLabel="Rotate"
        isDanger
        onCancel={() => setRotating(null)}
        onConfirm={() => {
          if (rotating)
            rotate.mutate(rotating.id, {
              onSuccess: (r) => setNewSecret({ name: r.name, secret: r.clientSecret }),
              onError: (e) => toast.error(`Could not rotate: ${e.message}`),
            });
          setRotating(null);
        }}
      >
        “{rotating?.name}” gets a new secret, shown once; the old one stops working at once, so update the application right after. Tokens it already has keep
        working until they expire.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke"
        isDanger
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking)
            revoke.mutate(revoking.token.id, {
              onSuccess: () => toast.success(`Token of “${revoking.app.name}” revoked`),
              onError: (e) => toast.error(`Could not revoke: ${e.message}`),
            });
          setRevoking(null);
        }}
      >
        Its access token and refresh token stop working at once; “{revoking?.app.name}” has to be authorized again.
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={restoring !== null}
        title="Restore this application?"
        confirmLabel="Restore"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          if (restoring)
            restore.mutate(restoring.id, {
              onSuccess: () => toast.success(`“${restoring.name}” restored: you are now its creator`),
              onError: (e) => toast.error(`Could not restore: ${e.message}`),
            });
          setRestoring(null);
        }}
      >
        Its client_id and secret work again, so the application needs no change, and you become its creator: it ends if you stop being an admin. Its old tokens
        stay ended: it gets new ones, and users approve it again. Whoever holds the secret can use it again, {restoring?.createdBy ?? "its former creator"} too;
        if that worries you, delete it and register it again instead.
      </ConfirmDialog>
    </div>
  );
}
