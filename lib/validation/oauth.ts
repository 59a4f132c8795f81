import { z } from "zod";
import { ZRevokedReason } from "./revocation";
import { SCOPES, ZScopes } from "./scopes";

// OAuth 2.0 applications (clients) and their tokens, as the Settings page and the admin API see them.

export const REDIRECT_URIS_MAX = 10;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Where a code may be sent: https, or http only to this machine (RFC 8252 §7.3); no fragment (RFC 6749 §3.1.2). */
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
    else if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname))
      ctx.addIssue({ code: "custom", message: "Use https (http only for localhost, 127.0.0.1 or [::1])" });
    else if (url.protocol !== "https:" && url.protocol !== "http:") ctx.addIssue({ code: "custom", message: "Use an https URL" });
  });

export const ZOAuthAppCreate = z
  .object({
    name: z.string().trim().min(1, { error: "Name the application" }).max(100, { error: "Name must be at most 100 characters" }),
    redirectUris: z
      .array(ZRedirectUri, { error: "List the redirect URIs" })
      .max(REDIRECT_URIS_MAX, { error: `At most ${REDIRECT_URIS_MAX} redirect URIs` })
      .transform((uris) => [...new Set(uris)])
      .describe("Where the consent page may send codes; empty for an application that uses client credentials only"),
    scopes: ZScopes.describe(`The most its tokens may be granted, any of: ${SCOPES.join(", ")}`),
  })
  .strict();
export type TOAuthAppCreate = z.input<typeof ZOAuthAppCreate>;

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
  redirectUris: z.array(z.string()),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe("Its creator's email (who restored it, after a restore); null once that user is deleted"),
  revokedAt: z.string().nullable().describe("Set while it is revoked: it gets no tokens and its tokens were ended"),
  revokedReason: ZRevokedReason,
  tokens: z.array(ZOAuthToken).describe("Its live tokens (not revoked, refreshable or unexpired), newest first, at most 100"),
});
export type TOAuthApp = z.infer<typeof ZOAuthApp>;
export const ZOAuthAppCreated = ZOAuthApp.extend({ clientSecret: z.string().describe("Shown once; only its hash is stored") });
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
