import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { DEFAULT_WORKSPACE_ID, type TMember, type TWorkspace } from "@/lib/validation/workspace";
import { setup } from "../../helpers/query-harness";

// Settings → Workspaces against a stand-in for /api/v1: answers keyed "METHOD /path", every request recorded.

export const DEFAULT_WS: TWorkspace = {
  id: DEFAULT_WORKSPACE_ID,
  slug: "default",
  name: "Default",
  maxInFlight: null,
  rateLimitPerSecond: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};
export const ACME: TWorkspace = {
  id: "5b0c7f2e-3a41-4c1d-9e55-2f7a9d1c0b11",
  slug: "acme",
  name: "Acme",
  maxInFlight: 8,
  rateLimitPerSecond: null,
  createdAt: "2026-02-01T00:00:00.000Z",
};
export const ADA: TMember = { email: "ada@example.com", name: "Ada", role: "ADMIN", isOperator: false, createdAt: "2026-02-02T00:00:00.000Z" };

export type TAnswer = { status: number; body?: unknown };
export const LIST_PATH = "/workspaces?limit=50";
export const apiError = (status: number, code: string, message: string, issues?: { path: string; message: string }[]): TAnswer => ({
  status,
  body: { error: { code, message, ...(issues ? { issues } : {}) } },
});

/** jsdom has <dialog> but not showModal/close; ConfirmDialog needs both (open is the attribute). */
function polyfillDialog(): void {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
}

/** Renders `ui` with a QueryClient, toasts and the fake API; an unknown request is a 404. */
export function renderWithApi(ui: ReactElement, answers: Record<string, TAnswer>) {
  polyfillDialog();
  const { calls, wrapper: Query } = setup((url, method) => {
    const answer = answers[`${method} ${url.replace(/^\/api\/v1/, "")}`];
    if (!answer) return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
    return answer.body === undefined ? new Response(null, { status: answer.status }) : Response.json(answer.body, { status: answer.status });
  });
  render(
    <ToastProvider>
      <Query>{ui}</Query>
    </ToastProvider>,
  );
  const path = (url: string) => url.replace(/^\/api\/v1/, "");
  return {
    user: userEvent.setup(),
    /** Every write as [METHOD, path, body]. */
    writes: () => calls.filter((c) => c.method !== "GET").map((c) => [c.method, path(c.url), c.body]),
    /** How many times `p` was read. */
    reads: (p: string) => calls.filter((c) => c.method === "GET" && path(c.url) === p).length,
  };
}
