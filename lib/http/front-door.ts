// What every request meets in our HTTP server (scripts/serve.ts) before Next sees it: methods no
// route serves are refused, the client address is one we can vouch for, and the body is capped.
import type http from "node:http";
import { bodyCapFor, limitRequestBody } from "./body-limit";
import { clientAddressOf } from "./client-address";
import { frontDoorSecurityHeaders } from "./security-headers";

/** Every method a page or route here answers; anything else (TRACE, CONNECT, PROPFIND ...) is 405. */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

type TFrontDoorOptions = { trustedProxies: number; maxBodyBytes: number };
type THandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function methodNotAllowed(res: http.ServerResponse, method: string): void {
  const body = JSON.stringify({ error: { code: "method_not_allowed", message: `${method.slice(0, 20)} is not supported` } });
  res.writeHead(405, {
    ...frontDoorSecurityHeaders(),
    allow: SERVED_METHODS.join(", "),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

/** The path of a request target, origin-form or absolute-form. */
export function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

export function frontDoor({ trustedProxies, maxBodyBytes }: TFrontDoorOptions, handle: THandler): THandler {
  return (req, res) => {
    const method = req.method ?? "GET";
    if (!SERVED_METHODS.includes(method)) return methodNotAllowed(res, method);
    const address = clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
    delete req.headers["x-real-ip"];
    // Without a proxy in front, these are whatever the client wrote (lib/http/same-origin.ts).
    if (trustedProxies <= 0) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    if (address) req.headers["x-forwarded-for"] = address;
    else delete req.headers["x-forwarded-for"];
    // Parsed, not split: an absolute-form target ("POST http://host/api/auth/...") must get its path's cap.
    const pathname = pathOf(req.url);
    limitRequestBody(req, res, bodyCapFor(pathname, maxBodyBytes), handle);
  };
}
