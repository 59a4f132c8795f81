"use client";

import { Button } from "@/components/ui/button";
import { STACKED } from "@/components/ui/stacked-table";
import type { TApiKey } from "@/lib/validation/api-key";
import { isRestorable, revokedText } from "@/lib/validation/revocation";
import { relativeTime } from "../webhooks/summaries";

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

type Props = { apiKey: TApiKey; onRevoke: (k: TApiKey) => void; onRestore: (k: TApiKey) => void };

/**
 * One key. A key revoked because its creator is no longer an admin says so and offers Restore (and
 * Revoke, which makes that final); one an admin revoked just says Revoked.
 */
export function ApiKeyRow({ apiKey: k, onRevoke, onRestore }: Props) {
  const canRestore = isRestorable(k.revokedReason);
  return (
    <tr className={`${STACKED.row} ${k.revokedAt ? "text-gray-500" : "text-gray-900"}`} data-testid="api-key-row">
      <td data-label="Name" className={`${STACKED.cell} font-medium`}>
        {k.name}
        {/* Under the name, not among the buttons: it is why the key stopped, and it needs the room. */}
        {k.revokedReason && canRestore ? (
          <span className="block text-xs font-medium text-amber-800" data-testid="api-key-state">
            {revokedText(k.revokedReason)}
          </span>
        ) : null}
      </td>
      <td data-label="Key" className={`${STACKED.cell} font-mono text-xs`}>
        {k.prefix}…
      </td>
      <td data-label="Scopes" className={`${STACKED.cell} font-mono text-xs`}>
        {k.scopes.join(", ")}
      </td>
      <td data-label="Created" className={`${STACKED.cell} whitespace-nowrap`}>
        {dateText(k.createdAt)}
        {k.createdBy ? <span className="block text-xs text-gray-500 max-sm:inline">by {k.createdBy}</span> : null}
      </td>
      <td data-label="Last used" className={`${STACKED.cell} whitespace-nowrap`}>
        {relativeTime(k.lastUsedAt)}
      </td>
      <td className={`${STACKED.actions} whitespace-nowrap`}>
        {k.revokedReason && !canRestore ? (
          <span className="text-xs font-medium" data-testid="api-key-state">
            {revokedText(k.revokedReason)}
          </span>
        ) : null}
        {canRestore ? (
          <Button variant="ghost" onClick={() => onRestore(k)} aria-label={`Restore ${k.name}`}>
            Restore
          </Button>
        ) : null}
        {!k.revokedReason || canRestore ? (
          <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => onRevoke(k)} aria-label={`Revoke ${k.name}`}>
            Revoke
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
