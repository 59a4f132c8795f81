import { getDb } from "@/lib/db";
import { defaultWorkspaceContext, type TWorkspaceContext } from "@/lib/db/workspace-context";
import { createApiKey } from "@/lib/server/api-keys/api-keys";
import type { TScope } from "@/lib/validation/scopes";

/** The Default workspace's context on the database installed for the test (a single site's tests act there). */
export async function defaultCtx(): Promise<TWorkspaceContext> {
  return defaultWorkspaceContext(await getDb());
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls an exported route handler the way Next does, with a Request and its params. */
export async function call(
  handler: Handler,
  init: {
    method?: string;
    path?: string;
    body?: unknown;
    rawBody?: string;
    key?: string | null;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  const hasBody = init.body !== undefined || init.rawBody !== undefined;
  if (hasBody) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost:3000/api/v1${init.path ?? "/"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A stream (GET /live) never ends by itself: its first chunk, then hang up as a browser would.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    await reader.cancel();
    // biome-ignore lint/suspicious/noExplicitAny: the same type as a JSON answer's (parsed, unchecked)
    return { status: response.status, json: null as any, text: new TextDecoder().decode(first.value) };
  }
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

export async function adminKey(): Promise<string> {
  return (await createApiKey(await defaultCtx(), { name: "tests" }, null)).key;
}

/** A key granted only these scopes. */
export async function scopedKey(scopes: TScope[]): Promise<string> {
  return (await createApiKey(await defaultCtx(), { name: `scoped ${scopes.join(" ")}`, scopes }, null)).key;
}

/** A next-auth session cookie for a user at their current session version, signed like the real sign-in signs it. */
export async function sessionCookie(userId: string, sessionVersion?: number): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const { instanceSecrets } = await import("@/lib/instance-secrets");
  const { getDb } = await import("@/lib/db");
  const sv = sessionVersion ?? (await (await getDb()).user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
  const token = await encode({ token: { sub: userId, uid: userId, sv }, secret: instanceSecrets().authSecret });
  return `next-auth.session-token=${token}`;
}
