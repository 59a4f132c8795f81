import "server-only";
import { DomainError } from "../../errors/domain-error";
import { BY_ADMIN, revokedReasonOf } from "../../validation/revocation";

/**
 * Why a credential could not be restored: it does not exist (404), it works (409 not_revoked), or an
 * admin revoked it (409 not_restorable, naming the reason), which is final.
 */
export function restoreRefusal(what: string, row: { revokedAt: Date | null; revokedFor: string | null } | null): DomainError {
  if (!row) return DomainError.notFound(what);
  const reason = revokedReasonOf(row.revokedAt, row.revokedFor);
  if (reason === BY_ADMIN)
    return new DomainError(
      "conflict",
      "not_restorable",
      `This ${what} was revoked by an admin (by_admin), which is final; only what was revoked because its creator is no longer an admin (creator_not_admin) can be restored`,
    );
  return new DomainError("conflict", "not_revoked", `This ${what} is not revoked: there is nothing to restore`);
}
