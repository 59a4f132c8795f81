// The production server that `npm start` runs: Next's request handler behind our own http server,
// so that what reaches a route has passed lib/http/front-door.ts: a served method, a path and Host a
// URL can be built from (400), a forwarded-for header we set (not whatever a client sent), a body
// within its cap (413 before Next buffers it), within the bodies' shared budget (503) and not stalled
// (408), from a peer within its connection limit (503).
// Run without the react-server condition: this process loads Next itself. Compiled to dist/serve.js;
// `npm start` (dist/start.js) runs it in its own process.
import "../lib/v8-settings"; // first: before any WebAssembly is compiled
import type http from "node:http";
import { parseEnv } from "../lib/config/env-schema";
import { createFrontDoorServer, frontDoorSettings } from "../lib/http/front-door-server";
import { pathOf } from "../lib/http/request-target";
import { serveFetch } from "../lib/http/serve-fetch";
import { processGlobals } from "../lib/process-globals";
import { waitForBoot } from "../lib/server/boot-gate";
import { handleStopSignals } from "../lib/stop-signals";

const env = parseEnv(process.env);
const port = env.PORT;
// `node dist/serve.js` from a process manager: production, set before Next loads.
if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: "production" });
const globals = processGlobals();
// lib/server/boot.ts (run by Next's instrumentation in this process) leaves the signals to us and
// hands over its own clean-up (the delivery runtime, then the database) as globals.shutdown.
globals.ownsSignals = true;

// Signals are ours from the first moment: a stop that arrives while Next prepares or the database
// opens waits for that (bounded), then cleans up like any other stop, rather than dying mid-boot.
// Within HOOKLINE_SHUTDOWN_GRACE_MS: requests in progress finish, then deliveries in flight; what is
// still in flight after the grace is handed back for another worker. A second signal ends it at once.
let server: http.Server | null = null;
let booted: Promise<void> = Promise.resolve();
let isStopping = false;
handleStopSignals("hookline", async (signal) => {
  isStopping = true;
  const deadline = Date.now() + env.HOOKLINE_SHUTDOWN_GRACE_MS;
  console.log(`[hookline] ${signal}: finishing requests and deliveries in progress (at most ${env.HOOKLINE_SHUTDOWN_GRACE_MS / 1000} s), then stopping`);
  const graceOver = new Promise((resolve) => setTimeout(resolve, env.HOOKLINE_SHUTDOWN_GRACE_MS).unref());
  await Promise.race([booted.catch(() => {}), graceOver]);
  if (server) {
    const s = server;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeIdleConnections();
    await Promise.race([closed, graceOver]);
  }
  await globals.shutdown?.(Math.max(0, deadline - Date.now()));
});

const { default: next } = await import("next");
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
  const { directRoute } = globals;
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
    void Promise.resolve(globals.shutdown?.(0))
      .catch(() => {})
      .finally(() => process.exit(1));
  });
  server.listen(port, () => console.log(`[hookline] Listening on http://localhost:${port}`));
}
