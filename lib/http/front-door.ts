// What every request meets in our HTTP server (scripts/serve.ts) before Next sees it: methods no
// route serves are refused, so are targets and Host headers no URL can be built from, the client
// address is one we can vouch for, and the body is capped, budgeted and timed.
import type http from "node:http";
import { bodyCapFor, limitRequestBody, type TBodyLimits } from "./body-limit";
import { clientAddressOf } from "./client-address";
import type { TConnectionLimit } from "./connection-limit";
import { refuseRequest } from "./refuse-request";
import { pathOf, requestTargetProblem } from "./request-target";

/** Every method a page or route here answers; anything else (TRACE, CONNECT, PROPFIND ...) is 405. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export type TFrontDoorOptions = {
  trustedProxies: number;
  maxBodyBytes: number;
  /** Connections per peer (lib/http/connection-limit.ts); without it, no limit. */
  connections?: TConnectionLimit;
} & Omit<TBodyLimits, "cap">;
type THandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const TOO_MANY_CONNECTIONS = {
  status: 503,
  code: "too_many_connections",
  message: "Too many connections from this address; close some or retry shortly",
  headers: { "retry-after": "1" },
};

export function frontDoor({ trustedProxies, maxBodyBytes, connections, budget, idleMs }: TFrontDoorOptions, handle: THandler): THandler {
  return (req, res) => {
    if (connections?.isOverLimit(req.socket)) return refuseRequest(req, res, TOO_MANY_CONNECTIONS, { closeNow: true });
    const method = req.method ?? "GET";
    if (!SERVED_METHODS.includes(method)) {
      const headers = { allow: SERVED_METHODS.join(", ") };
      return refuseRequest(req, res, { status: 405, code: "method_not_allowed", message: `${method.slice(0, 20)} is not supported`, headers });
    }
    const problem = requestTargetProblem(req);
    if (problem) return refuseRequest(req, res, { status: 400, code: "bad_request", message: problem });
    const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
    delete req.headers["x-real-ip"];
    // Without a proxy in front, these are whatever the client wrote (lib/http/same-origin.ts).
    if (trustedProxies <= 0) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    limitRequestBody(req, res, { cap: bodyCapFor(pathOf(req.url), maxBodyBytes), budget, idleMs }, handle);
  };
}
