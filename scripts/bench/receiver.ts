// The benchmark's webhook receiver, in its own process (as a real receiver would be): answers every
// POST with 200 at once, counts them, and notes when each arrived (by its `webhook-id`, else
// `x-bench-id`). The parent asks for the notes over IPC. Times are wall-clock ms
// (performance.timeOrigin + now), comparable with the parent's on the same machine.
import http from "node:http";
import type { AddressInfo } from "node:net";

const now = () => performance.timeOrigin + performance.now();
let count = 0;
let arrivals: [string, number][] = [];

const server = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    count++;
    arrivals.push([String(req.headers["webhook-id"] ?? req.headers["x-bench-id"] ?? ""), now()]);
    res.end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));

process.on("message", (message: { type: string }) => {
  if (message.type === "count") process.send?.({ count });
  if (message.type === "take") {
    process.send?.({ count, arrivals });
    arrivals = [];
  }
  if (message.type === "reset") {
    count = 0;
    arrivals = [];
    process.send?.({ count });
  }
});
process.on("disconnect", () => process.exit(0));
