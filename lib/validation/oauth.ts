import { z } from "zod";
import { ZRevokedReason } from "./revocation";
import { SCOPES, WORKSPACE_SCOPES, ZScopes } from "./scopes";

// OAuth 2.0 applications (clients) and their tokens, as the Settings page and the admin API see them.

export const REDIRECT_URIS_MAX = 10;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * RFC 6749 §2.1. A confidential client (a server) keeps a secret and proves itself with it; a public
 * one (a native or command-line app, whose every copy holds the same bytes) cannot, so it gets none,
 * authenticates as `none`, and is held to PKCE and redirect URIs only its own device can receive.
 */
export const OAUTH_CLIENT_TYPES = ["confidential", "public"] as const;
export type TOAuthClientType = (typeof OAUTH_CLIENT_TYPES)[number];

/** RFC 8252 §7.1: a private-use scheme is a reverse domain name the app owns (com.example.app), so it has a dot. */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/;

/** A redirect URI in itself: absolute, no fragment (RFC 6749 §3.1.2), no credentials. Which kinds a client may use: redirectUriProblem. */
export const ZRedirectUri = z
  .string()
  .trim()
  .max(2048, { error: "A redirect URI must be at most 2048 characters" })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `Not an absolute URL: ${value.slice(0, 100)}` });
      return;
    }
    if (url.hash || value.includes("#")) ctx.addIssue({ code: "custom", message: "A redirect URI cannot have a #fragment" });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "A redirect URI cannot carry credentials" });
  });

/**
 * Why a client of this type may not have codes sent to `uri` (an absolute URL), or null when it may.
 * Confidential: https, or http to this machine (RFC 8252 §7.3). Public: only what no one but the app
 * on the user's own device can receive (RFC 8252 §7.1, §7.3); an https page could be anyone's, and a
 * stolen code is all a public client's token request needs besides the verifier.
 */
export function redirectUriProblem(uri: string, clientType: TOAuthClientType): string | null {
  const url = new URL(uri);
  const isLoopback = url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (clientType === "public") {
    if (isLoopback || PRIVATE_USE_SCHEME.test(url.protocol)) return null;
    return `A public client can only use http://127.0.0.1, http://[::1] or http://localhost (any port), or its own scheme such as com.example.app:/callback: ${uri.slice(0, 100)}`;
  }
  if (url.protocol === "https:" || isLoopback) return null;
  if (url.protocol === "http:") return "Use https (http only for localhost, 127.0.0.1 or [::1])";
  return "Use an https URL (an app's own scheme only for a public client)";
}

const ZOAuthAppName = z.string().trim().min(1, { error: "Name the application" }).max(100, { error: "Name must be at most 100 characters" });

export const ZOAuthAppCreate = z
  .object({
    name: ZOAuthAppName,
    clientType: z
      .enum(OAUTH_CLIENT_TYPES, { error: "The client type is confidential or public" })
      .default("confidential")
      .describe(
        "confidential: a server that keeps a client secret; public: a native or command-line app, no secret, PKCE, loopback or own-scheme redirect URIs",
      ),
    redirectUris: z
      .array(ZRedirectUri, { error: "List the redirect URIs" })
      .max(REDIRECT_URIS_MAX, { error: `At most ${REDIRECT_URIS_MAX} redirect URIs` })
      .transform((uris) => [...new Set(uris)])
      .describe("Where the consent page may send codes; empty for an application that uses client credentials only"),
    scopes: ZScopes.refine((s) => !s.includes("operator"), {
      error: "An OAuth application acts in its workspace only: it cannot hold the operator scope",
    }).describe(`The most its tokens may be granted, any of: ${WORKSPACE_SCOPES.join(", ")}`),
  })
  .strict()
  .superRefine((app, ctx) => {
    if (app.clientType === "public" && app.redirectUris.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["redirectUris"],
        message: "A public client needs a redirect URI: it can only get tokens through the consent page",
      });
    app.redirectUris.forEach((uri, i) => {
      const problem = redirectUriProblem(uri, app.clientType);
      if (problem) ctx.addIssue({ code: "custom", path: ["redirectUris", i], message: problem });
    });
  });
export type TOAuthAppCreate = z.input<typeof ZOAuthAppCreate>;

/**
 * A rename or new redirect URIs (each checked against the application's client type by the server,
 * which knows it). Its scopes and type stay: tokens were granted under them.
 */
export const ZOAuthAppUpdate = z
  .object({
    name: ZOAuthAppName.optional(),
    redirectUris: z
      .array(ZRedirectUri, { error: "List the redirect URIs" })
      .max(REDIRECT_URIS_MAX, { error: `At most ${REDIRECT_URIS_MAX} redirect URIs` })
      .transform((uris) => [...new Set(uris)])
      .optional(),
  })
  .strict()
  .refine((u) => u.name !== undefined || u.redirectUris !== undefined, { error: "Change the name or the redirect URIs" });
export type TOAuthAppUpdate = z.input<typeof ZOAuthAppUpdate>;

export const ZOAuthToken = z.object({
  id: z.uuid(),
  grantType: z.enum(["authorization_code", "client_credentials"]),
  user: z.string().nullable().describe("The admin who approved it; null for client credentials"),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshTokenExpiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TOAuthToken = z.infer<typeof ZOAuthToken>;

export const ZOAuthApp = z.object({
  id: z.uuid(),
  clientId: z.string(),
  name: z.string(),
  clientType: z.enum(OAUTH_CLIENT_TYPES),
  redirectUris: z.array(z.string()),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe("Its creator's email (who restored it, after a restore); null once that user is deleted"),
  revokedAt: z.string().nullable().describe("Set while it is revoked: it gets no tokens and its tokens were ended"),
  revokedReason: ZRevokedReason,
  tokens: z.array(ZOAuthToken).describe("Its live tokens (not revoked, refreshable or unexpired), newest first, at most 100"),
});
export type TOAuthApp = z.infer<typeof ZOAuthApp>;
export const ZOAuthAppCreated = ZOAuthApp.extend({
  clientSecret: z.string().nullable().describe("Shown once; only its hash is stored. null for a public client, which has none"),
});
export const ZOAuthAppId = z.object({ id: z.uuid({ error: "Not an application id" }) });
export const ZOAuthTokenId = z.object({ id: z.uuid({ error: "Not a token id" }) });

/** The consent page's query: an authorization request (RFC 6749 §4.1.1 with PKCE, RFC 7636). */
export const ZAuthorizeRequest = z.object({
  response_type: z.literal("code", { error: "response_type must be code" }),
  client_id: z.string({ error: "client_id is missing" }).min(1, { error: "client_id is missing" }).max(200),
  redirect_uri: z.string({ error: "redirect_uri is missing" }).min(1, { error: "redirect_uri is missing" }).max(2048),
  scope: z.string().max(1000).optional(),
  state: z.string().max(2000).optional(),
  code_challenge: z
    .string({ error: "code_challenge is missing (PKCE is required)" })
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, { error: "code_challenge is missing or malformed (PKCE is required)" }),
  code_challenge_method: z.literal("S256", { error: "code_challenge_method must be S256" }),
});
export type TAuthorizeRequest = z.infer<typeof ZAuthorizeRequest>;
export const ZConsent = ZAuthorizeRequest.extend({ decision: z.enum(["approve", "deny"]) }).strict();
