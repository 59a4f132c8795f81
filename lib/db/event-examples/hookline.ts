import { model, object, type TEventModel } from "./model";

// Hookline's own events (lib/delivery/notices/notice-message.ts, noticeEventData): what each carries.
// Keyed by the kind (hookline.webhook.disabled → webhook.disabled).

const webhook = object({ id: "uuid", url: "uri", description: "string" }, ["id", "url"]);
const base = { webhook, message: "string", lastError: "string?", link: "uri", at: "date-time" } as const;
const required = ["webhook", "message", "link", "at"];
const hook = { id: "6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e3f4a5b", url: "https://hooks.example/crm", description: "CRM sync" };
const link = `https://hookline.example/settings/webhooks/${hook.id}`;

export const HOOKLINE_MODELS: Record<string, TEventModel> = {
  "webhook.disabled": model(
    "Webhook disabled",
    "Hookline disabled a webhook: the failure limit, or 410 Gone",
    { ...base, reason: "string", failures: "integer", failureLimit: "integer" },
    [...required, "reason"],
    {
      webhook: hook,
      message: "Hookline disabled the webhook: Disabled after 10 failed attempts in a row.",
      reason: "Disabled after 10 failed attempts in a row",
      failures: 10,
      failureLimit: 10,
      lastError: "Error status · HTTP 503",
      link,
      at: "2026-03-02T09:15:00.000Z",
    },
  ),
  "webhook.failing": model(
    "Webhook failing",
    "A webhook reached half its failure limit",
    { ...base, failures: "integer", failureLimit: "integer" },
    [...required, "failures", "failureLimit"],
    {
      webhook: hook,
      message: "The webhook has failed 5 times in a row; at 10 Hookline disables it.",
      failures: 5,
      failureLimit: 10,
      lastError: "Timed out",
      link,
      at: "2026-03-02T09:10:00.000Z",
    },
  ),
  "delivery.failed": model(
    "Delivery failed",
    "A delivery used every retry and failed for good",
    { ...base, delivery: object({ id: "uuid", event: "string", eventId: "uuid", attempts: "integer" }, ["id"]) },
    [...required, "delivery"],
    {
      webhook: hook,
      message: "A delivery of deals.created failed for good after 4 attempts.",
      lastError: "Error status · HTTP 500",
      delivery: { id: "0b7e3c1d-5a2f-4e6b-8c9d-1f2a3b4c5d6e", event: "deals.created", eventId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", attempts: 4 },
      link: "https://hookline.example/settings/webhooks/deliveries/0b7e3c1d-5a2f-4e6b-8c9d-1f2a3b4c5d6e",
      at: "2026-03-02T09:40:00.000Z",
    },
  ),
  "webhook.recovered": model("Webhook recovered", "A disabled webhook passed a recovery probe and was enabled again", base, required, {
    webhook: hook,
    message: "The webhook passed a recovery probe and is enabled again; its parked deliveries are being sent.",
    lastError: null,
    link,
    at: "2026-03-02T10:15:00.000Z",
  }),
};
