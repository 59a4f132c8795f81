import http from "node:http";
import type { AddressInfo } from "node:net";

export type TReceived = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

/** A real HTTP receiver on a loopback address; `respond` decides each answer. */
export async function startReceiver(
  respond: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void = (_q, res) => res.end("ok"),
  host = "127.0.0.1",
) {
  const received: TReceived[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      respond(req, res, body);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    received,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
