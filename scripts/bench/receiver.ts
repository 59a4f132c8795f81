// The benchmark's webhook receiver, in its own process (as a real receiver would be): answers every
// POST with 200 at once, counts them, and notes when each arrived (by its `webhook-id`, else
// `x-bench-id`). Two bad receivers besides: a path with `/slow/` is answered after SLOW_MS (near the
// 5 s deadline), counted apart; while the parent has said `hold`, every request is kept open with no
// answer (a worker that dies mid-request) until its connection closes. The parent asks for the notes
// over IPC. Times are wall-clock ms (performance.timeOrigin + now), comparable with the parent's on
// the same machine.
import http from "node:http";
import type { AddressInfo } from "node:net";

const SLOW_MS = 4_500;
const now = () => performance.timeOrigin + performance.now();
let count = 0;
let slow = 0;
let held = 0;
let isHolding = false;
let arrivals: [string, number][] = [];

const server = http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    if (isHolding) {
      held++;
      res.once("close", () => held--);
      return;
    }
    arrivals.push([String(req.headers["webhook-id"] ?? req.headers["x-bench-id"] ?? ""), now()]);
    if (req.url?.includes("/slow/")) {
      slow++;
      setTimeout(() => res.end("ok"), SLOW_MS);
      return;
    }
    count++;
    res.end("ok");
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));

const reply = (extra: object = {}) => process.send?.({ count, slow, held, ...extra });
process.on("message", (message: { type: string }) => {
  if (message.type === "count") reply();
  if (message.type === "take") {
    reply({ arrivals });
    arrivals = [];
  }
  if (message.type === "reset") {
    count = 0;
    slow = 0;
    arrivals = [];
    reply();
  }
  if (message.type === "hold" || message.type === "answer") {
    isHolding = message.type === "hold";
    reply();
  }
});
process.on("disconnect", () => process.exit(0));
