// What one process shares across copies of the same module. Next bundles lib/ into its server build
// (instrumentation, each route) and dist/serve.js carries its own copy of what it uses, so a module's
// own top-level `let` is one per copy. These values must be one per process: they live here, on one
// typed object under one globalThis name. Nothing else in the code base touches globalThis.
// A value whose type belongs to a higher layer is declared where that type lives, by adding to
// TProcessGlobals (`declare module "…/process-globals"`): lib/db.ts (db), lib/server/users/
// authenticate-user.ts (loginThrottle), lib/db/change-feed.ts (changeFeed), lib/db/open-database.ts
// (singleConnection). This module loads nothing, so any bundle may include it.
import type { EventEmitter } from "node:events";

export type TBootGate = { isStarted: boolean; isReady: boolean; ready: Promise<void>; markReady: () => void };

/** A route handler in the Fetch style, as Next's route files export them. */
export type TDirectHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type TDirectRoute = (method: string, pathname: string) => TDirectHandler | undefined;

// An interface, not a type: modules of higher layers add their own values to it (see above).
export interface TProcessGlobals {
  /** In-process wake-ups of the delivery workers (lib/delivery/runtime/wakeup.ts). */
  wakeups?: EventEmitter;
  /** Whether boot() has opened the database (lib/server/boot-gate.ts). */
  bootGate?: TBootGate;
  /** The routes the production server answers before Next (lib/api/direct-routes.ts). */
  directRoute?: TDirectRoute;
  /** Set by the production server (scripts/serve.ts): it handles stop signals itself. */
  ownsSignals?: boolean;
  /** boot()'s clean-up for the server to call when it stops: the delivery runtime, then the database. */
  shutdown?: (graceMs: number) => Promise<void>;
  /** Tells this process's data-directory lock from an earlier process with the same pid. */
  processToken?: string;
}

const holder = globalThis as typeof globalThis & { __hookline?: TProcessGlobals };

export function processGlobals(): TProcessGlobals {
  holder.__hookline ??= {};
  return holder.__hookline;
}
