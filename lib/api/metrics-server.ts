import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "../db";
import { metricsResponse } from "./metrics-endpoint";

/**
 * A worker's own /metrics (HOOKLINE_METRICS_PORT): the app's answer (lib/api/metrics-endpoint.ts)
 * on a plain HTTP server, every other path 404. Resolves once listening, with its port and close.
 */
export async function serveMetrics(port: number, host: string, prisma: () => Promise<PrismaClient>): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    void metricsResponse(req.headers.authorization ?? null, prisma).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text());
    });
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
