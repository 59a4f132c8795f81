import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { processGlobals } from "../process-globals";

// PGlite is one backend behind one connection: its statements run one at a time, each seeing every
// earlier commit. What must take turns across connections (lib/delivery/claim-deliveries.ts) need
// not pay for it here. Process-wide: a route's copy of this module must know the client that boot's
// copy opened (lib/process-globals.ts), or a change made in a route would be NOTIFYed into the void
// instead of reaching this process's pages (lib/db/change-feed.ts).
declare module "../process-globals" {
  interface TProcessGlobals {
    /** The embedded databases' clients (lib/db/open-database.ts, isSingleConnection). */
    singleConnection?: WeakSet<PrismaClient>;
  }
}

function singleConnectionClients(): WeakSet<PrismaClient> {
  const globals = processGlobals();
  globals.singleConnection ??= new WeakSet<PrismaClient>();
  return globals.singleConnection;
}

export function markSingleConnection(prisma: PrismaClient): void {
  singleConnectionClients().add(prisma);
}

/** Whether every statement on `prisma` runs alone, one after another (the embedded database). */
export function isSingleConnection(prisma: PrismaClient): boolean {
  return singleConnectionClients().has(prisma);
}
