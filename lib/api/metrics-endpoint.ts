import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../db";
import { hooklineMetrics } from "../delivery/metrics";
import { env } from "../env";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Whether `authorization` is "Bearer <token>", compared in constant time. Exported for its unit test. */
export function isMetricsToken(authorization: string | null, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics, as the app serves it and as a worker does on HOOKLINE_METRICS_PORT: Prometheus text
 * of this process's metrics (lib/delivery/metrics.ts), for a bearer of HOOKLINE_METRICS_TOKEN.
 * Without the token configured, metrics are off: 404, so nothing tells a stranger they exist.
 */
export async function metricsResponse(authorization: string | null, prisma: () => Promise<PrismaClient>): Promise<Response> {
  const token = env().HOOKLINE_METRICS_TOKEN;
  if (!token) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!isMetricsToken(authorization, token))
    return new Response("A bearer token (HOOKLINE_METRICS_TOKEN) is needed\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": 'Bearer realm="metrics"' },
    });
  const metrics = hooklineMetrics();
  metrics.database.prisma = prisma; // the process's database (a test's own, in tests)
  try {
    const body = await metrics.registry.metrics();
    return new Response(body, { headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" } });
  } catch {
    // The database gauges could not be read: no partial page (Prometheus marks the scrape failed).
    return new Response("The database is unavailable right now; the next scrape will try again\n", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "5" },
    });
  }
}
