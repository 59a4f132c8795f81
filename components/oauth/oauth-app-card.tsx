"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { STACKED } from "@/components/ui/stacked-table";
import type { TOAuthApp, TOAuthToken } from "@/lib/validation/oauth";
import { isRestorable, revokedText } from "@/lib/validation/revocation";
import { relativeTime } from "../webhooks/summaries";
import { OAuthAppEditForm } from "./oauth-app-edit-form";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

type Props = {
  app: TOAuthApp;
  onDelete: (app: TOAuthApp) => void;
  /** Asks to rotate a confidential client's secret (the panel confirms and shows the new one). */
  onRotate: (app: TOAuthApp) => void;
  onRevoke: (token: TOAuthToken, app: TOAuthApp) => void;
  onRestore: (app: TOAuthApp) => void;
};

/**
 * One application: its client_id, redirect URIs and scopes, and every live token with a Revoke
 * button; revoked because its creator is no longer an admin, it says so and offers Restore.
 */
export function OAuthAppCard({ app, onDelete, onRotate, onRevoke, onRestore }: Props) {
  const [isEditing, setEditing] = useState(false);
  return (
    <li className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200" data-testid="oauth-app">
      <div className="flex flex-col gap-3 p-5 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1.5">
          <h2 className="text-base font-semibold text-gray-900">{app.name}</h2>
          <p className="text-xs text-gray-600">
            {app.clientType === "public" ? "Public client: no secret, PKCE only" : "Confidential client: authenticates with its secret"}
          </p>
          {app.revokedReason ? (
            <p className="text-sm font-medium text-amber-800" data-testid="oauth-app-state">
              {revokedText(app.revokedReason)}. It gets no tokens, and its tokens were ended.
            </p>
          ) : null}
          <p className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
            client_id <code className="font-mono break-all text-gray-900">{app.clientId}</code>
            <CopyButton value={app.clientId} label="Copy client_id" />
          </p>
          <p className="text-xs text-gray-600">
            Scopes: <span className="font-mono text-gray-900">{app.scopes.join(", ")}</span>
          </p>
          <p className="text-xs break-all text-gray-600">
            Redirect URIs:{" "}
            <span className="font-mono text-gray-900">{app.redirectUris.length ? app.redirectUris.join(", ") : "none (client credentials only)"}</span>
          </p>
          {app.createdBy ? <p className="text-xs text-gray-600">Created by {app.createdBy}</p> : null}
        </div>
        <div className="flex shrink-0 flex-wrap gap-1">
          <Button variant="ghost" onClick={() => setEditing((e) => !e)} aria-expanded={isEditing} aria-label={`Edit ${app.name}`}>
            Edit
          </Button>
          {app.clientType === "confidential" ? (
            <Button variant="ghost" onClick={() => onRotate(app)} aria-label={`Rotate the secret of ${app.name}`}>
              Rotate secret
            </Button>
          ) : null}
          {isRestorable(app.revokedReason) ? (
            <Button variant="ghost" onClick={() => onRestore(app)} aria-label={`Restore ${app.name}`}>
              Restore
            </Button>
          ) : null}
          <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => onDelete(app)} aria-label={`Delete ${app.name}`}>
            Delete
          </Button>
        </div>
      </div>
      {isEditing ? <OAuthAppEditForm app={app} onDone={() => setEditing(false)} /> : null}
      <div className="border-t border-gray-100">
        {app.tokens.length === 0 ? (
          <p className="px-5 py-4 text-sm text-gray-600">No live tokens.</p>
        ) : (
          <table className={STACKED.table} aria-label={`Tokens of ${app.name}`}>
            <thead className={STACKED.thead}>
              <tr>
                <th className="px-4 py-3 font-semibold">Granted by</th>
                <th className="px-4 py-3 font-semibold">Scopes</th>
                <th className="px-4 py-3 font-semibold">Issued</th>
                <th className="px-4 py-3 font-semibold">Access until</th>
                <th className="px-4 py-3 font-semibold">Last used</th>
                <th className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className={STACKED.tbody}>
              {app.tokens.map((t) => (
                <tr key={t.id} className={`${STACKED.row} text-gray-900`} data-testid="oauth-token-row">
                  <td data-label="Granted by" className={STACKED.cell}>
                    {t.user ?? "Client credentials"}
                  </td>
                  <td data-label="Scopes" className={`${STACKED.cell} font-mono text-xs`}>
                    {t.scopes.join(", ")}
                  </td>
                  <td data-label="Issued" className={`${STACKED.cell} whitespace-nowrap`}>
                    {when(t.createdAt)}
                  </td>
                  <td data-label="Access until" className={`${STACKED.cell} whitespace-nowrap`}>
                    {when(t.accessTokenExpiresAt)}
                  </td>
                  <td data-label="Last used" className={`${STACKED.cell} whitespace-nowrap`}>
                    {relativeTime(t.lastUsedAt)}
                  </td>
                  <td className={STACKED.actions}>
                    <Button
                      variant="ghost"
                      className="text-red-700 hover:bg-red-50"
                      onClick={() => onRevoke(t, app)}
                      aria-label={`Revoke token issued ${when(t.createdAt)}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </li>
  );
}
