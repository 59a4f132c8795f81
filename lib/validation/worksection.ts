import { z } from "zod";

// Worksection's admin API, as its clients call it (/api/admin/v2/?action=...): flat string
// parameters, comma-separated lists, answers { status: "ok" | "error", ... }. Hookline's own
// schemas (lib/validation/webhook.ts) still decide what a valid webhook is; this is only the shape.

export const WORKSECTION_ACTIONS = ["add_webhook", "get_webhooks", "delete_webhook"] as const;
export type TWorksectionAction = (typeof WORKSECTION_ACTIONS)[number];

/** The parameters of one call, by name (each given once). */
export type TWorksectionParams = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Hookline's states in Worksection's words: "active" for an enabled webhook (failing or not: it
 * still sends), "disabled" for one switched off, by an admin or by the failure limit, which is the
 * word Worksection's own screen uses for its gray state.
 */
export const WORKSECTION_STATUS = { enabled: "active", disabled: "disabled" } as const;

/** A comma-separated list ("post_task, close_task,,"): its items, trimmed, empty ones dropped. */
export function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** One webhook in get_webhooks' answer: lists joined with commas; `projects` left out when it is all of them. */
export const ZWorksectionWebhook = z.object({
  id: z.string().describe("Hookline's UUID (Worksection's ids are numbers)"),
  url: z.string(),
  events: z.string().describe('Comma-separated event names; "*" for all events'),
  status: z.enum([WORKSECTION_STATUS.enabled, WORKSECTION_STATUS.disabled]),
  projects: z.string().optional(),
});
export type TWorksectionWebhook = z.infer<typeof ZWorksectionWebhook>;

export type TWorksectionOk = { status: "ok" } & Record<string, unknown>;
export type TWorksectionErrorBody = { status: "error"; status_code: number; message: string; message_details?: string };
/** What an action answers: the HTTP status and Worksection's body. */
export type TWorksectionResult = { status: number; body: TWorksectionOk | TWorksectionErrorBody };
