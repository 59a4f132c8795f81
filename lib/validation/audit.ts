import { z } from "zod";
import { ZPageCursor, ZPageLimit } from "./page";

// The audit log's vocabulary (browser-safe: the page's filter and rows use it too). An action is
// "<target>.<verb>"; its label is how Settings → Audit log says it.

export const AUDIT_ACTION_LABELS = {
  "webhook.created": "Created webhook",
  "webhook.updated": "Changed webhook",
  "webhook.deleted": "Deleted webhook",
  "webhook.enabled": "Enabled webhook",
  "webhook.disabled": "Disabled webhook",
  "webhook.token_revealed": "Revealed signing token",
  "webhook.token_rotated": "Rotated signing token",
  "webhook.tested": "Sent a test",
  "webhook.replayed": "Replayed failures",
  "delivery.redelivered": "Redelivered",
  "event_type.created": "Registered event type",
  "event_type.updated": "Changed event type",
  "project.created": "Created project",
  "project.updated": "Renamed project",
  "api_key.created": "Created API key",
  "api_key.revoked": "Revoked API key",
  "api_key.restored": "Restored API key",
  "admin_api_key.regenerated": "Regenerated Worksection admin key",
  "oauth_app.created": "Created OAuth app",
  "oauth_app.updated": "Changed OAuth app",
  "oauth_app.revoked": "Revoked OAuth app",
  "oauth_app.restored": "Restored OAuth app",
  "oauth_app.secret_rotated": "Rotated OAuth app secret",
  "oauth_token.revoked": "Revoked OAuth grant",
  "oauth.consent_granted": "Authorized OAuth app",
  "oauth.consent_denied": "Refused OAuth app",
  "workspace.created": "Created workspace",
  "workspace.updated": "Changed workspace",
  "workspace.deleted": "Deleted workspace",
  "member.added": "Added member",
  "member.role_changed": "Changed member's role",
  "member.removed": "Removed member",
  "sign_in_link.created": "Made a sign-in link",
  "user.created": "Created user",
  "user.updated": "Changed user",
  "user.password_changed": "Changed password",
  "user.signed_out_everywhere": "Signed out everywhere",
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in",
} as const;

export type TAuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [TAuditAction, ...TAuditAction[]];

export const AUDIT_ACTOR_KINDS = ["user", "api_key", "oauth", "system"] as const;
export type TAuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** A changed field: its value before and after; a secret's only that it changed. */
export type TFieldChange = { from: unknown; to: unknown } | "changed";

export const ZAuditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: z.object({
    kind: z.enum(AUDIT_ACTOR_KINDS).describe("user (a signed-in admin), api_key, oauth (an OAuth app's token), system (Hookline itself)"),
    id: z.string().nullable().describe("The user's, key's or app's id; null for Hookline"),
    name: z.string().describe("An email, a key's or app's name, or \"Hookline\" with why"),
  }),
  action: z.enum(AUDIT_ACTIONS),
  target: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  address: z.string().nullable().describe("The client address the change came from; null for Hookline's own"),
  changes: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Changed fields: { field: { from, to } }, or "changed" for a secret (never its value); or facts of the action'),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z
  .object({
    actor: z.string().trim().min(1).max(320).optional().describe("An actor's id, or their name (an email, a key's name; exact)"),
    action: z.enum(AUDIT_ACTIONS, { error: "action is not an audit action (see the list in the API reference)" }).optional(),
    target: z.string().trim().min(1).max(200).optional().describe("A target's id (a webhook's, a key's…)"),
    since: z.iso.datetime({ offset: true, error: "since must be an ISO date-time" }).optional().describe("Entries at or after"),
    until: z.iso.datetime({ offset: true, error: "until must be an ISO date-time" }).optional().describe("Entries before"),
    cursor: ZPageCursor.optional(),
    limit: ZPageLimit,
  })
  .strict();
export type TAuditQuery = z.output<typeof ZAuditQuery>;

export const ZAuditPage = z.object({ data: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as TAuditAction] ?? action;
}
