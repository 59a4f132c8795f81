import "server-only";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import { ZWebhookCreate } from "../../validation/webhook";
import { splitList } from "../../validation/worksection";
import { createWebhook } from "../webhooks/create-webhook";
import { refusal, required } from "./refusals";

// Hookline's field names in Worksection's words, for error details.
const FIELD_NAMES: Record<string, string> = { url: "url", events: "events", projects: "projects", httpUser: "http_user", httpPassword: "http_pass" };

/** The names an invalid-refs error points at (`events.2`), read back from the list it indexed. */
function namesAt(error: DomainError, field: "events" | "projects", values: string[]): string[] {
  return (error.issues ?? []).flatMap((issue) => {
    const [name, index] = issue.path.split(".");
    const value = name === field ? values[Number(index)] : undefined;
    return value === undefined ? [] : [value];
  });
}

/**
 * add_webhook: Worksection checks the URL and creates the webhook enabled in one call, so this
 * does too. The check is the test delivery enabling runs (a signed `ping`; any 2xx within the
 * deadline passes; the body is not read); when it fails nothing is written.
 */
export async function addWebhookAction(ctx: TWorkspaceContext, params: ReadonlyMap<string, string>): Promise<{ id: string }> {
  const url = params.get("url")?.trim();
  if (!url) throw required("url");
  const events = splitList(params.get("events"));
  if (events.length === 0) throw required("events");
  const parsed = ZWebhookCreate.safeParse({
    url,
    events,
    projects: splitList(params.get("projects")),
    httpUser: params.get("http_user") || undefined,
    httpPassword: params.get("http_pass") || undefined,
    description: "Added with Worksection's add_webhook",
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = FIELD_NAMES[String(issue?.path[0])] ?? String(issue?.path[0]);
    throw DomainError.invalid(field, String(issue?.message));
  }
  const data = parsed.data;
  try {
    return { id: (await createWebhook(ctx, data, { mustPassTest: true })).id };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "test_failed") throw refusal("rejected", "test_failed", error.message, "url", [url]);
    // createWebhook parses `data` again to the same lists, so its issue indexes point into them.
    const unknownEvents = namesAt(error, "events", data.events);
    if (unknownEvents.length) throw refusal("invalid", "unknown_events", error.message, "events", unknownEvents);
    const unknownProjects = namesAt(error, "projects", data.projects);
    if (unknownProjects.length) throw refusal("invalid", "unknown_projects", error.message, "projects", unknownProjects);
    if (error.kind === "invalid") throw DomainError.invalid(FIELD_NAMES[error.issues?.[0]?.path ?? ""] ?? "url", error.message);
    throw error;
  }
}
