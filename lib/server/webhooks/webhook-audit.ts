import "server-only";
import { diffFields } from "../../audit/diff-fields";
import type { TAuditTarget } from "../../db/audited-change";
import { headersChange, storedHeaders } from "../../delivery/custom-headers";
import type { Webhook } from "../../generated/prisma/client";

/** A webhook as the audit log names it: by id, with its URL. */
export const webhookTarget = (w: Pick<Webhook, "id" | "url">): TAuditTarget => ({ type: "webhook", id: w.id, name: w.url });

const FIELDS = [
  "url",
  "description",
  "allEvents",
  "events",
  "projects",
  "httpUser",
  "httpPasswordCiphertext",
  "enabled",
  "maxInFlight",
  "rateLimitPerSecond",
  "signatureFamilies",
  "autoRecover",
  "filter",
  "ordered",
  "orderingKey",
] as const satisfies readonly (keyof Webhook)[];

/** What an edit changed; the basic-auth password only as "changed", under its own name; headers with secrets masked. */
export function webhookChanges(before: Webhook, after: Webhook) {
  const { httpPasswordCiphertext, ...changes } = diffFields(before, after, FIELDS, ["httpPasswordCiphertext"]);
  const headers = headersChange(storedHeaders(before.customHeaders), storedHeaders(after.customHeaders));
  return { ...changes, ...(httpPasswordCiphertext ? { httpPassword: "changed" } : {}), ...(headers ? { customHeaders: headers } : {}) };
}
