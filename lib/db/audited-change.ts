import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { TActor } from "../validation/actor";
import type { TAuditAction, TAuditActorKind } from "../validation/audit";
import type { TScopedTx } from "./scoped-db";
import type { TInstallationContext, TWorkspaceContext } from "./workspace-context";

// The audit trail's one way in. A change and its entry are written in one transaction: a failed
// write leaves no entry, and an entry that cannot be written undoes the change. Each context counts
// what it recorded (`trail`), so the API wrapper can tell a write operation that recorded nothing
// (lib/api/with-admin.ts), and a test sweeps every write operation (tests/api/audit-sweep.test.ts).

export type TAuditTarget = { type: string; id: string | null; name?: string | null };
export type TAuditEvent = { action: TAuditAction; target: TAuditTarget; changes?: Record<string, unknown> | null };
/** Who acted and from where, as a context knows it. */
export type TAuditSource = { actor: TActor; address: string | null; trail: { written: number } };

type TAnyTx = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;
type TActorRow = { kind: TAuditActorKind; id: string | null; name: string };

// Long enough for a write that waits behind another on the embedded database's one connection.
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** The actor as the log shows it: a user's email, a key's or app's name, or Hookline with why. */
async function actorRow(tx: TAnyTx, actor: TActor): Promise<TActorRow> {
  if (actor.kind === "system") return { kind: "system", id: null, name: actor.reason === "Hookline" ? "Hookline" : `Hookline (${actor.reason})` };
  if (actor.kind === "session") {
    const [user] = await tx.$queryRaw<{ email: string }[]>`select email from "User" where id = ${actor.userId}::uuid`;
    return { kind: "user", id: actor.userId, name: user?.email ?? "a deleted user" };
  }
  if (actor.kind === "api_key") {
    const [key] = await tx.$queryRaw<{ name: string }[]>`select name from "ApiKey" where id = ${actor.apiKeyId}::uuid`;
    return { kind: "api_key", id: actor.apiKeyId, name: key?.name ?? "a deleted API key" };
  }
  const [app] = await tx.$queryRaw<{ name: string }[]>`select name from "OAuthApp" where id = ${actor.appId}::uuid`;
  return { kind: "oauth", id: actor.appId, name: app?.name ?? "a deleted OAuth app" };
}

/** Writes one entry in `tx` (raw SQL: it names its workspace itself, null for the installation's). */
export async function writeAuditEntry(tx: TAnyTx, source: TAuditSource, workspaceId: string | null, event: TAuditEvent): Promise<void> {
  const actor = await actorRow(tx, source.actor);
  const changes = event.changes && Object.keys(event.changes).length > 0 ? JSON.stringify(event.changes) : null;
  await tx.$executeRaw`
    insert into "AuditEntry" (id, "workspaceId", at, "actorKind", "actorId", "actorName", action, "targetType", "targetId", "targetName", address, changes)
    values (gen_random_uuid(), ${workspaceId}::uuid, now() at time zone 'UTC', ${actor.kind}, ${actor.id}, ${actor.name}, ${event.action},
      ${event.target.type}, ${event.target.id}, ${event.target.name ?? null}, ${source.address}, ${changes}::jsonb)`;
  source.trail.written++;
}

type TEventOf<T> = TAuditEvent | ((result: T) => TAuditEvent | null);
const eventOf = <T>(event: TEventOf<T>, result: T) => (typeof event === "function" ? event(result) : event);

/**
 * A workspace's change: `write` runs in a transaction of the workspace's scoped client, and the
 * entry (`event`, or what it returns for write's result; null: nothing changed) is written in it too.
 */
export function auditedChange<T>(ctx: TWorkspaceContext, write: (tx: TScopedTx) => Promise<T>, event: TEventOf<NoInfer<T>>): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    const result = await write(tx);
    const entry = eventOf(event, result);
    if (entry) await writeAuditEntry(tx, ctx, ctx.workspace.id, entry);
    return result;
  }, TX_OPTIONS);
}

/** An entry of the installation's change: in `workspaceId`'s log (the workspace it concerns), or the installation's (null). */
export type TInstallationAuditEvent = TAuditEvent & { workspaceId: string | null };

/** The installation's change (workspaces, members, users), its entry written in the same transaction. */
export function auditedInstallationChange<T>(
  ctx: TAuditSource & { prisma: TInstallationContext["prisma"] },
  write: (tx: Prisma.TransactionClient) => Promise<T>,
  event: TInstallationAuditEvent | ((result: NoInfer<T>) => TInstallationAuditEvent | null),
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const result = await write(tx);
    const entry = typeof event === "function" ? event(result) : event;
    if (entry) await writeAuditEntry(tx, ctx, entry.workspaceId, entry);
    return result;
  }, TX_OPTIONS);
}

/** An action that changes no row of ours but is recorded (a token revealed, a test sent): the entry alone. */
export function recordAudit(ctx: TWorkspaceContext, event: TAuditEvent): Promise<void> {
  return auditedChange(ctx, async () => undefined, event);
}

/** Hookline acting by itself (the CLI, the worker, a first start): who the log names, and no address. */
export function systemSource(reason: string): TAuditSource {
  return auditSource({ kind: "system", reason }, null);
}

/** Who acts and from which address, with a fresh count of the entries written through it. */
export function auditSource(actor: TActor, address: string | null): TAuditSource {
  return { actor, address, trail: { written: 0 } };
}

/** An installation's entry alone (a sign-in, a failed one): nothing else is written with it. */
export function recordInstallationAudit(prisma: TInstallationContext["prisma"], source: TAuditSource, event: TInstallationAuditEvent): Promise<void> {
  return auditedInstallationChange({ ...source, prisma }, async () => undefined, event);
}
