import { createHash, randomBytes } from "node:crypto";
import { POST as consent } from "@/app/api/v1/oauth-consent/route";
import { call } from "./routes";

// An OAuth client's side of the protocol, for the tests that drive the endpoints over their route handlers.

export const REDIRECT = "http://127.0.0.1:9/callback"; // never contacted: the browser would follow it, not the server
export const ORIGIN = "http://localhost:3000";

/** A form-encoded POST to an OAuth endpoint, with the client's credentials by HTTP Basic when given. */
export function form(params: Record<string, string>, basic?: { id: string; secret: string }, path = "/api/oauth/token"): Request {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString("base64")}`;
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: new URLSearchParams(params).toString() });
}

export async function json(response: Response) {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

/** A signed-in admin's answer on the consent page; the code (when approved) and the verifier that goes with it. */
export async function authorize(cookie: string, clientId: string, extra: Record<string, string> = {}, decision = "approve") {
  const { verifier, challenge } = pkce();
  const body = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    state: "xyz",
    code_challenge: challenge,
    code_challenge_method: "S256",
    decision,
    ...extra,
  };
  const res = await call(consent, { method: "POST", body, headers: { cookie, origin: ORIGIN } });
  const redirectTo = (res.json as { redirectTo?: string } | null)?.redirectTo;
  const code = redirectTo ? new URL(redirectTo).searchParams.get("code") : null;
  return { res, verifier, code: code ?? "" };
}
