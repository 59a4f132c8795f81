import { z } from "zod";
import type { TErrorBody, TIssue } from "../api/api-error";

// Browser-side fetch for the admin API: JSON in, JSON out, the server's error shape as an exception.

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: TIssue[] = [],
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

/** The server's error shape, read rather than assumed (a proxy may answer with something else). */
const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
}) satisfies z.ZodType<TErrorBody>;

// The workspace this tab's page was rendered for (components/layout/workspace-scope.tsx). Sent with
// every call, so a tab keeps acting in its workspace after another tab switched the session.
let renderedWorkspace: string | null = null;

export function setRenderedWorkspace(id: string | null): void {
  renderedWorkspace = id;
}

/** The live stream's address (GET /api/v1/live): EventSource sends no headers, so the workspace goes in the query. */
export function liveStreamUrl(): string {
  return renderedWorkspace ? `/api/v1/live?workspace=${encodeURIComponent(renderedWorkspace)}` : "/api/v1/live";
}

/** The request headers of a call: JSON when there is a body, and the page's workspace. */
function requestHeaders(hasBody: boolean): Record<string, string> {
  return { ...(hasBody ? { "content-type": "application/json" } : {}), ...(renderedWorkspace ? { "x-hookline-workspace": renderedWorkspace } : {}) };
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: requestHeaders(init.body !== undefined),
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new ApiClientError(0, "network", "Could not reach the server");
  }
  // The two casts below trust the server's declared answer types (its handlers build them from
  // lib/validation); the browser does not re-validate every success body.
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ZErrorBody.safeParse(data).data?.error;
    throw new ApiClientError(response.status, error?.code ?? "http_error", error?.message ?? `Request failed (HTTP ${response.status})`, error?.issues);
  }
  return data as T;
}

/** Field errors keyed by the first path segment ("events.2" → "events"), first message wins. */
export function fieldErrors(issues: { path: string | PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(Array.isArray(issue.path) ? (issue.path[0] ?? "") : issue.path.split(".")[0]);
    out[key || "form"] ??= issue.message;
  }
  return out;
}

/** A refused request as a form shows it: the API's field issues by field, else its message on `field`. */
export function errorsOf(error: Error, field: string): Record<string, string> {
  return error instanceof ApiClientError && error.issues.length ? fieldErrors(error.issues) : { [field]: error.message };
}
