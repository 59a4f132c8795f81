import { z } from "zod";

// Why a credential (an API key, an OAuth application) stopped working. An admin's own revocation is
// final. A credential whose creator lost the admin role (demoted, or deleted) is revoked too, since
// an admin's credentials act with an admin's power; but the host product using it did nothing
// wrong, so another admin may restore it, and by restoring takes it over as its new creator.
// The database repeats the second reason's name where SQL needs it (the user-deletion trigger in
// prisma/migrations/*_credentials_end_with_creator_admin).

export const REVOKED_REASONS = ["by_admin", "creator_not_admin"] as const;
export type TRevokedReason = (typeof REVOKED_REASONS)[number];
export const CREATOR_NOT_ADMIN = "creator_not_admin" satisfies TRevokedReason;
export const BY_ADMIN = "by_admin" satisfies TRevokedReason;

export const ZRevokedReason = z
  .enum(REVOKED_REASONS)
  .nullable()
  .describe("Why it was revoked, null while it works: by_admin (final) or creator_not_admin (its creator is no longer an admin; an admin may restore it)");

/** A stored reason as the API shows it: keys revoked before reasons were kept were revoked by an admin. */
export function revokedReasonOf(revokedAt: Date | null, stored: string | null): TRevokedReason | null {
  if (!revokedAt) return null;
  return stored === CREATOR_NOT_ADMIN ? CREATOR_NOT_ADMIN : BY_ADMIN;
}

/** Whether an admin may bring it back (only what its creator's demotion ended). */
export const isRestorable = (reason: TRevokedReason | null): boolean => reason === CREATOR_NOT_ADMIN;

/** The state as lists show it. */
export function revokedText(reason: TRevokedReason): string {
  return reason === CREATOR_NOT_ADMIN ? "Revoked: its creator is no longer an admin" : "Revoked";
}
