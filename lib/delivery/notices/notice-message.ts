import { describeOutcome } from "../../validation/error-class";

// What a notice says, as an email and as its operational event's data (pure: tested on its own).

export const NOTICE_KINDS = ["webhook.disabled", "webhook.failing", "delivery.failed", "webhook.recovered"] as const;
export type TNoticeKind = (typeof NOTICE_KINDS)[number];

export type TNoticeDetails = {
  reason?: string;
  failures?: number;
  failureLimit?: number;
  lastStatusCode?: number | null;
  lastErrorClass?: string | null;
  attempts?: number;
  event?: string;
  eventId?: string;
};
export type TNoticeInput = {
  kind: TNoticeKind;
  workspace: { name: string };
  webhook: { id: string; url: string; description: string };
  deliveryId: string | null;
  details: TNoticeDetails;
  at: Date;
  /** The app's public origin, for links. */
  origin: string;
};

const nameOf = (w: TNoticeInput["webhook"]) => w.description || w.url;

/** The last error in words ("Timed out", "Error status · HTTP 503"), or null when there was none. */
export function lastErrorOf(d: TNoticeDetails): string | null {
  return d.lastStatusCode == null && !d.lastErrorClass ? null : describeOutcome({ statusCode: d.lastStatusCode, errorClass: d.lastErrorClass });
}

/** Where the admin should look: the delivery's page for a failed delivery, else the webhook's. */
export function noticeLink(n: Pick<TNoticeInput, "origin" | "webhook" | "deliveryId" | "kind">): string {
  return n.kind === "delivery.failed" && n.deliveryId
    ? `${n.origin}/settings/webhooks/deliveries/${n.deliveryId}`
    : `${n.origin}/settings/webhooks/${n.webhook.id}`;
}

/** What happened, in one sentence. */
export function noticeHeadline(n: TNoticeInput): string {
  const d = n.details;
  if (n.kind === "webhook.disabled") return `Hookline disabled the webhook: ${d.reason ?? "it kept failing"}.`;
  if (n.kind === "webhook.failing") return `The webhook has failed ${d.failures} times in a row; at ${d.failureLimit} Hookline disables it.`;
  if (n.kind === "delivery.failed") return `A delivery of ${d.event ?? "an event"} failed for good after ${d.attempts ?? "all its"} attempts.`;
  return "The webhook passed a recovery probe and is enabled again; its parked deliveries are being sent.";
}

const SUBJECTS: Record<TNoticeKind, string> = {
  "webhook.disabled": "Webhook disabled",
  "webhook.failing": "Webhook failing",
  "delivery.failed": "Delivery failed",
  "webhook.recovered": "Webhook recovered",
};

/** The email: subject and plain text with the webhook, the reason, the last error and a link. */
export function noticeEmail(n: TNoticeInput): { subject: string; text: string } {
  const lastError = lastErrorOf(n.details);
  const lines = [
    noticeHeadline(n),
    "",
    `Webhook: ${nameOf(n.webhook)}`,
    `URL: ${n.webhook.url}`,
    `Workspace: ${n.workspace.name}`,
    ...(lastError ? [`Last error: ${lastError}`] : []),
    `When: ${n.at.toISOString()}`,
    "",
    `Open it: ${noticeLink(n)}`,
    "",
    "You get this because you are an admin of this workspace. Turn these emails off in Settings → Account.",
    "Hookline sends at most one email an hour per webhook for the same kind of news.",
  ];
  return { subject: `[Hookline] ${SUBJECTS[n.kind]}: ${nameOf(n.webhook)}`, text: lines.join("\n") };
}

/** The operational event's data (event type `hookline.<kind>`): plain JSON, fields it does not know left out. */
export function noticeEventData(n: TNoticeInput): Record<string, unknown> {
  const d = n.details;
  const data = {
    webhook: n.webhook,
    message: noticeHeadline(n),
    ...(d.reason ? { reason: d.reason } : {}),
    ...(d.failures !== undefined ? { failures: d.failures, failureLimit: d.failureLimit } : {}),
    lastError: lastErrorOf(d),
    ...(n.kind === "delivery.failed" ? { delivery: { id: n.deliveryId, event: d.event, eventId: d.eventId, attempts: d.attempts } } : {}),
    link: noticeLink(n),
    at: n.at.toISOString(),
  };
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
}
