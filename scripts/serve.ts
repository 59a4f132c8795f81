// The production server that `npm start` runs: Next's request handler behind our own http server,
// so that what reaches a route has passed lib/http/front-door.ts: a served method, a path and Host a
// URL can be built from (400), a forwarded-for header we set (not whatever a client sent), a body
// within its cap (413 before Next buffers it), within the bodies' shared budget (503) and not stalled
// (408), from a peer within its connection limit (503).
// Run without the react-server condition: this process loads Next itself.
import type http from "node:http";
import next from "next";
import type { TDirectRouteHolder } from "../lib/api/direct-routes";
import { parseEnv } from "../lib/config/env-schema";
import { createFrontDoorServer, frontDoorSettings } from "../lib/http/front-door-server";
import { pathOf } from "../lib/http/request-target";
import { serveFetch } from "../lib/http/serve-fetch";
import { waitForBoot } from "../lib/server/boot-gate";

const env = parseEnv(process.env);
const port = env.PORT;
// How long a stop waits for requests in progress before the process exits anyway.
const DRAIN_MS = 10_000;

type TShutdownHolder = typeof globalThis & { __hooklineOwnsSignals?: boolean; __hooklineShutdown?: () => Promise<void> };
const holder = globalThis as TShutdownHolder;
// lib/server/boot.ts (run by Next's instrumentation in this process) leaves the signals to us and
// hands over its own clean-up (stop the worker, close the database) as __hooklineShutdown.
holder.__hooklineOwnsSignals = true;

// Signals are ours from the first moment: a stop that arrives while Next prepares or the database
// opens waits for that (bounded), then cleans up like any other stop, rather than dying mid-boot.
let server: http.Server | null = null;
let booted: Promise<void> = Promise.resolve();
let isStopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  console.log(`[hookline] ${signal}: finishing requests in progress, then stopping`);
  const drained = new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref());
  await Promise.race([booted.catch(() => {}), drained]);
  if (server) {
    const s = server;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeIdleConnections();
    await Promise.race([closed, drained]);
  }
  await holder.__hooklineShutdown?.().catch((error: Error) => console.error(`[hookline] clean-up failed: ${error.message}`));
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

const app = next({ dev: false, dir: process.cwd(), port });
booted = app.prepare().then(() => waitForBoot(30_000));
// Only once the database is open (lib/server/boot-gate.ts): a second instance on a data directory in
// use, or any refused boot, exits with its one line and never says "Listening".
await booted.catch((error: Error) => {
  console.error(`[hookline] ${error.message}`);
  process.exit(1);
});
if (!isStopping) {
  const handle = app.getRequestHandler();
  // The publish routes are answered here, before Next's pipeline (lib/api/direct-routes.ts,
  // registered by instrumentation.ts during the boot we just waited for); everything else by Next.
  const directRoute = (globalThis as TDirectRouteHolder).__hooklineDirectRoute;
  server = createFrontDoorServer(frontDoorSettings(env), (req, res) => {
    const route = directRoute?.(req.method ?? "GET", pathOf(req.url));
    if (route) void serveFetch(route, req, res);
    else void handle(req, res);
  }).server;
  // Longer than a typical load balancer's idle timeout, so it never reuses a socket we just closed.
  server.keepAliveTimeout = 65_000;
  // A port in use (or not ours to take) is a failed start: say so, release the database, exit 1.
  server.once("error", (error: NodeJS.ErrnoException) => {
    console.error(`[hookline] Cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "it is in use by another process" : error.message}`);
    void Promise.resolve(holder.__hooklineShutdown?.())
      .catch(() => {})
      .finally(() => process.exit(1));
  });
  server.listen(port, () => console.log(`[hookline] Listening on http://localhost:${port}`));
}
