// The production server that `npm start` runs: Next's request handler behind our own http server,
// so that what reaches a route has passed lib/http/front-door.ts: a served method, a forwarded-for
// header we set (not whatever a client sent), a body within its cap (413 before Next buffers it).
// Run without the react-server condition: this process loads Next itself.
import http from "node:http";
import next from "next";
import { maxBodyBytes, parseEnv } from "../lib/config/env-schema";
import { frontDoor } from "../lib/http/front-door";
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

const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
// Only once the database is open (lib/server/boot-gate.ts): a second instance on a data directory in
// use, or any refused boot, exits with its one line and never says "Listening".
await waitForBoot(30_000).catch((error: Error) => {
  console.error(`[hookline] ${error.message}`);
  process.exit(1);
});
const handle = app.getRequestHandler();

const server = http.createServer(frontDoor({ trustedProxies: env.HOOKLINE_TRUST_PROXY, maxBodyBytes: maxBodyBytes(env) }, (req, res) => void handle(req, res)));
// Longer than a typical load balancer's idle timeout, so it never reuses a socket we just closed.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`[hookline] Listening on http://localhost:${port}`));

let isStopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  console.log(`[hookline] ${signal}: finishing requests in progress, then stopping`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
  await holder.__hooklineShutdown?.().catch((error: Error) => console.error(`[hookline] clean-up failed: ${error.message}`));
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
