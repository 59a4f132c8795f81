import "server-only";
import { auditedChange, type TAuditEvent } from "../../db/audited-change";
import type { TScopedTx } from "../../db/scoped-db";
import type { TWorkspaceContext } from "../../db/workspace-context";
import { DomainError } from "../../errors/domain-error";

/**
 * Runs `write` (which makes `adminId` the creator of a credential in the context's workspace) in a
 * transaction that first locks the admin's membership there and checks the role. A demotion changes
 * that row: it either waits for this write and then revokes what it made, or this waits for the
 * demotion and refuses. Without the lock a key created in the same instant as its creator's demotion
 * would outlive it. `isOperatorNeeded` (an operator-scope key) locks the user's row the same way.
 * `adminId` null (tests, benchmarks) makes a credential with no creator, as before. The audit entry
 * (`event`) is written in the same transaction.
 */
export async function writeAsAdmin<T>(
  ctx: TWorkspaceContext,
  adminId: string | null,
  write: (tx: TScopedTx) => Promise<T>,
  event: TAuditEvent | ((result: NoInfer<T>) => TAuditEvent),
  { isOperatorNeeded = false } = {},
): Promise<T> {
  if (adminId === null) return auditedChange(ctx, write, event);
  return auditedChange(
    ctx,
    async (tx) => {
      const rows = await tx.$queryRaw<{ role: string }[]>`SELECT "role"::text AS role FROM "Membership"
      WHERE "workspaceId" = ${ctx.workspace.id}::uuid AND "userId" = ${adminId}::uuid FOR SHARE`;
      if (rows[0]?.role !== "ADMIN") throw new DomainError("conflict", "not_admin", "You are no longer an admin: credentials are made and restored by admins");
      if (isOperatorNeeded) {
        const [user] = await tx.$queryRaw<{ isOperator: boolean }[]>`SELECT "isOperator" FROM "User" WHERE "id" = ${adminId}::uuid FOR SHARE`;
        if (!user?.isOperator) throw new DomainError("conflict", "not_operator", "Only an operator can make a key with the operator scope");
      }
      return write(tx);
    },
    event,
  );
}
