import "server-only";
import { getDb } from "../../db";
import { DomainError } from "../../errors/domain-error";
import type { Prisma } from "../../generated/prisma/client";

/**
 * Runs `write` (which makes `adminId` the creator of a credential) in a transaction that first locks
 * the admin's user row and checks the role. A demotion changes that row: it either waits for this
 * write and then revokes what it made, or this waits for the demotion and refuses. Without the lock a
 * key created in the same instant as its creator's demotion would outlive it. `adminId` null (tests,
 * benchmarks) makes a credential with no creator, as before.
 */
export async function writeAsAdmin<T>(adminId: string | null, write: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const db = await getDb();
  if (adminId === null) return write(db);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ role: string }[]>`SELECT "role"::text AS role FROM "User" WHERE "id" = ${adminId}::uuid FOR SHARE`;
    if (rows[0]?.role !== "ADMIN") throw new DomainError("conflict", "not_admin", "You are no longer an admin: credentials are made and restored by admins");
    return write(tx);
  });
}
