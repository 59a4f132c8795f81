import "server-only";
import { diffFields } from "../../audit/diff-fields";
import { generateOAuthCredential, hashApiKey } from "../../crypto/tokens";
import { getDb } from "../../db";
import { auditedChange, recordAudit } from "../../db/audited-change";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";
import {
  redirectUriProblem,
  type TOAuthApp,
  type TOAuthAppCreate,
  type TOAuthAppUpdate,
  type TOAuthClientType,
  type TOAuthToken,
  ZOAuthAppCreate,
  ZOAuthAppUpdate,
} from "../../validation/oauth";
import { CREATOR_NOT_ADMIN, revokedReasonOf } from "../../validation/revocation";
import { knownScopes } from "../../validation/scopes";
import { restoreRefusal } from "../credentials/restore-refusal";
import { writeAsAdmin } from "../credentials/write-as-admin";
import { revokeGrant } from "./revoke-grant";

// Settings → OAuth apps: register, list with their live tokens, delete, revoke a token,
// restore one revoked because its creator stopped being an admin.

const TOKENS_SHOWN = 100;

type TTokenRow = {
  id: string;
  grantType: string;
  scopes: string[];
  createdAt: Date;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date | null;
  lastUsedAt: Date | null;
  user: { email: string } | null;
};

const toTokenDto = (t: TTokenRow): TOAuthToken => ({
  id: t.id,
  grantType: t.grantType === "client_credentials" ? "client_credentials" : "authorization_code",
  user: t.user?.email ?? null,
  scopes: knownScopes(t.scopes),
  createdAt: t.createdAt.toISOString(),
  accessTokenExpiresAt: t.accessTokenExpiresAt.toISOString(),
  refreshTokenExpiresAt: t.refreshTokenExpiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** Tokens that can still be used: not revoked, and the access or the refresh token unexpired. */
const liveTokens = (now: Date) => ({
  where: { revokedAt: null, OR: [{ accessTokenExpiresAt: { gt: now } }, { refreshTokenExpiresAt: { gt: now } }] },
  orderBy: { createdAt: "desc" as const },
  take: TOKENS_SHOWN,
  select: {
    id: true,
    grantType: true,
    scopes: true,
    createdAt: true,
    accessTokenExpiresAt: true,
    refreshTokenExpiresAt: true,
    lastUsedAt: true,
    user: { select: { email: true } },
  },
});

const appSelect = (now: Date) =>
  ({
    id: true,
    clientId: true,
    name: true,
    clientType: true,
    redirectUris: true,
    scopes: true,
    createdAt: true,
    createdBy: { select: { email: true } },
    revokedAt: true,
    revokedFor: true,
    tokens: liveTokens(now),
  }) as const;

type TAppRow = {
  id: string;
  clientId: string;
  name: string;
  clientType: TOAuthClientType;
  redirectUris: string[];
  scopes: string[];
  createdAt: Date;
  createdBy: { email: string } | null;
  revokedAt: Date | null;
  revokedFor: string | null;
  tokens: TTokenRow[];
};

const toDto = (a: TAppRow): TOAuthApp => ({
  id: a.id,
  clientId: a.clientId,
  name: a.name,
  clientType: a.clientType,
  redirectUris: a.redirectUris,
  scopes: knownScopes(a.scopes),
  createdAt: a.createdAt.toISOString(),
  createdBy: a.createdBy?.email ?? null,
  revokedAt: a.revokedAt?.toISOString() ?? null,
  revokedReason: revokedReasonOf(a.revokedAt, a.revokedFor),
  tokens: a.tokens.map(toTokenDto),
});

/** An application as the audit log names it. */
const appTarget = (a: { id: string; name: string }) => ({ type: "oauth_app", id: a.id, name: a.name });

type TCreated<S> = TOAuthApp & { clientSecret: S };

/** A confidential client's secret is in the answer this once (the database keeps only its SHA-256); a public client has none. */
export async function createOAuthApp(
  ctx: TWorkspaceContext,
  input: TOAuthAppCreate & { clientType: "public" },
  createdById: string | null,
  now?: Date,
): Promise<TCreated<null>>;
export async function createOAuthApp(
  ctx: TWorkspaceContext,
  input: TOAuthAppCreate & { clientType?: "confidential" },
  createdById: string | null,
  now?: Date,
): Promise<TCreated<string>>;
export async function createOAuthApp(ctx: TWorkspaceContext, input: TOAuthAppCreate, createdById: string | null, now?: Date): Promise<TCreated<string | null>>;
export async function createOAuthApp(
  ctx: TWorkspaceContext,
  input: TOAuthAppCreate,
  createdById: string | null,
  now = new Date(),
): Promise<TCreated<string | null>> {
  const { name, clientType, redirectUris, scopes } = ZOAuthAppCreate.parse(input);
  const clientSecret = clientType === "confidential" ? generateOAuthCredential("clientSecret") : null;
  // It works while its creator is an admin (lib/server/credentials/).
  const row = await writeAsAdmin(
    ctx,
    createdById,
    (tx) =>
      tx.oAuthApp.create({
        data: {
          name,
          clientType,
          redirectUris,
          scopes,
          clientId: generateOAuthCredential("clientId"),
          secretHash: clientSecret ? hashApiKey(clientSecret) : null,
          createdById,
        },
        select: appSelect(now),
      }),
    (created) => ({ action: "oauth_app.created", target: appTarget(created), changes: { clientType, redirectUris, scopes } }),
  );
  return { ...toDto(row), clientSecret };
}

/**
 * Renames an application or replaces its redirect URIs, each checked against its client type (a
 * public client keeps at least one: it gets tokens only through the consent page). New authorization
 * requests are checked against the new list; tokens already issued are not touched.
 */
export async function updateOAuthApp(ctx: TWorkspaceContext, id: string, input: TOAuthAppUpdate, now = new Date()): Promise<TOAuthApp> {
  const update = ZOAuthAppUpdate.parse(input);
  const app = await ctx.db.oAuthApp.findUnique({ where: { id }, select: { clientType: true, name: true, redirectUris: true } });
  if (!app) throw DomainError.notFound("OAuth application");
  if (update.redirectUris) {
    const issues = update.redirectUris.flatMap((uri, i) => {
      const problem = redirectUriProblem(uri, app.clientType);
      return problem ? [{ path: `redirectUris.${i}`, message: problem }] : [];
    });
    if (app.clientType === "public" && update.redirectUris.length === 0)
      issues.push({ path: "redirectUris", message: "A public client needs a redirect URI: it can only get tokens through the consent page" });
    if (issues.length) throw DomainError.invalidAll(issues);
  }
  const { count } = await auditedChange(ctx, (tx) => tx.oAuthApp.updateMany({ where: { id }, data: update }), {
    action: "oauth_app.updated",
    target: appTarget({ id, name: update.name ?? app.name }),
    changes: diffFields(
      { name: app.name, redirectUris: app.redirectUris },
      { name: update.name ?? app.name, redirectUris: update.redirectUris ?? app.redirectUris },
      ["name", "redirectUris"],
    ),
  });
  if (count === 0) throw DomainError.notFound("OAuth application");
  return toDto(await ctx.db.oAuthApp.findUniqueOrThrow({ where: { id }, select: appSelect(now) }));
}

/**
 * A new client secret for a confidential application, in the answer this once (only its hash is
 * kept). The old one stops working at once; tokens already issued keep working until they expire
 * or are revoked. A public client has no secret to rotate (409).
 */
export async function rotateOAuthSecret(ctx: TWorkspaceContext, id: string, now = new Date()): Promise<TCreated<string>> {
  const app = await ctx.db.oAuthApp.findUnique({ where: { id }, select: { clientType: true, name: true } });
  if (!app) throw DomainError.notFound("OAuth application");
  if (app.clientType === "public") throw new DomainError("conflict", "public_client", "A public client has no secret to rotate");
  const clientSecret = generateOAuthCredential("clientSecret");
  await auditedChange(ctx, (tx) => tx.oAuthApp.updateMany({ where: { id }, data: { secretHash: hashApiKey(clientSecret) } }), {
    action: "oauth_app.secret_rotated",
    target: appTarget({ id, name: app.name }),
    changes: { clientSecret: "changed" },
  });
  return { ...toDto(await ctx.db.oAuthApp.findUniqueOrThrow({ where: { id }, select: appSelect(now) })), clientSecret };
}

export async function listOAuthApps(ctx: TWorkspaceContext, now = new Date()): Promise<TOAuthApp[]> {
  return (await ctx.db.oAuthApp.findMany({ select: appSelect(now), orderBy: { createdAt: "desc" } })).map(toDto);
}

/** Deleting an application ends every token and code it holds (they cascade). */
export async function deleteOAuthApp(ctx: TWorkspaceContext, id: string): Promise<void> {
  const app = await ctx.db.oAuthApp.findUnique({ where: { id }, select: { name: true } });
  if (!app) throw DomainError.notFound("OAuth application");
  const { count } = await auditedChange(ctx, (tx) => tx.oAuthApp.deleteMany({ where: { id } }), {
    action: "oauth_app.revoked",
    target: appTarget({ id, name: app.name }),
  });
  if (count === 0) throw DomainError.notFound("OAuth application");
}

/**
 * Brings back an application revoked because its creator stopped being an admin, with the same
 * client id and secret, and `adminId` as its creator. Its old tokens stay ended (they were ended with
 * it): clients get new ones. One an admin revoked, or one that works, is refused (409).
 */
export async function restoreOAuthApp(ctx: TWorkspaceContext, id: string, adminId: string, now = new Date()): Promise<TOAuthApp> {
  return writeAsAdmin(
    ctx,
    adminId,
    async (tx) => {
      const { count } = await tx.oAuthApp.updateMany({
        where: { id, revokedAt: { not: null }, revokedFor: CREATOR_NOT_ADMIN },
        data: { revokedAt: null, revokedFor: null, createdById: adminId },
      });
      if (count === 0)
        throw restoreRefusal("OAuth application", await tx.oAuthApp.findUnique({ where: { id }, select: { revokedAt: true, revokedFor: true } }));
      return toDto(await tx.oAuthApp.findUniqueOrThrow({ where: { id }, select: appSelect(now) }));
    },
    (restored) => ({ action: "oauth_app.restored", target: appTarget(restored) }),
  );
}

/** Revoking is immediate and final for the access and the refresh token alike, and for the rest of its grant. */
export async function revokeOAuthToken(ctx: TWorkspaceContext, id: string, now = new Date()): Promise<void> {
  const token = await ctx.db.oAuthToken.findUnique({ where: { id }, select: { grantId: true, app: { select: { name: true } } } });
  if (!token) throw DomainError.notFound("OAuth token");
  await revokeGrant(token.grantId, now);
  // After the grant's end (revokeGrant writes the installation's rows in a statement of its own).
  await recordAudit(ctx, { action: "oauth_token.revoked", target: { type: "oauth_token", id, name: token.app.name }, changes: { grantId: token.grantId } });
}

/** A client's own access or refresh token, by its value: ends that whole grant; anything else, nothing. */
export async function revokeClientToken(appId: string, token: string, now = new Date()): Promise<void> {
  const hash = hashApiKey(token);
  const row = await (await getDb()).oAuthToken.findFirst({
    where: { appId, revokedAt: null, OR: [{ accessTokenHash: hash }, { refreshTokenHash: hash }] },
    select: { grantId: true },
  });
  if (row) await revokeGrant(row.grantId, now);
}
