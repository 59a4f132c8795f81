// Request-body caps enforced by our HTTP server (scripts/serve.ts) before any byte reaches Next.
// Next's handlers (next-auth's sign-in callback among them) read a body whole into memory before
// anyone can check its size, and before authentication: without this, any anonymous client could
// make the server buffer gigabytes. Here a body over its cap is refused with 413 as soon as the
// declared length, or the bytes streamed so far, pass the cap; nothing past the cap is kept.
import type http from "node:http";
import { frontDoorSecurityHeaders } from "./security-headers";

/** Sign-in and the other next-auth forms carry an email, a password and a CSRF token: a few hundred bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

/** The cap for a request path: next-auth's routes get the small one, everything else `defaultCap`. */
export function bodyCapFor(pathname: string, defaultCap: number): number {
  return pathname === "/api/auth" || pathname.startsWith("/api/auth/") ? Math.min(AUTH_MAX_BODY_BYTES, defaultCap) : defaultCap;
}

function hasBody(req: http.IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** After a 413, how long and how much of the rest of the upload is read (and dropped) before hanging up. */
export const LINGER_MS = 2_000;
export const LINGER_BYTES = 8 * 1024 * 1024;

/**
 * 413, then a lingering close: a client still sending would get a connection reset that makes it
 * discard our answer unread, so the rest of its body is read and dropped (never kept) for up to
 * LINGER_MS or LINGER_BYTES, and only then is the connection closed.
 */
function refuse(res: http.ServerResponse, cap: number): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: { code: "too_large", message: `Request body is over ${cap} bytes` } });
  // No "connection: close": with it Node would reset the connection the moment the answer is out.
  res.writeHead(413, { ...frontDoorSecurityHeaders(), "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
  setTimeout(() => res.socket?.destroy(), LINGER_MS).unref();
}

/**
 * Calls `next(req, res)` once the request body is known to be within `cap` bytes: at once for a
 * request without a body, otherwise after the whole body has arrived (held back from `req` while it
 * streams in, at most `cap` bytes of it). Over the cap: 413 and `next` is never called.
 */
export function limitRequestBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  cap: number,
  next: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): void {
  if (!hasBody(req)) {
    next(req, res);
    return;
  }
  // Node's HTTP parser hands each body chunk to req.push(); we take them first, count them, and
  // give them to req only when the body is complete. Nothing reads req before then.
  const push = req.push.bind(req);
  const held: Buffer[] = [];
  let received = 0;
  let isRefused = false;
  const refuseNow = () => {
    isRefused = true;
    held.length = 0;
    refuse(res, cap);
  };
  req.push = (chunk: Buffer | null) => {
    if (isRefused) {
      received += chunk?.length ?? 0;
      if (received > cap + LINGER_BYTES) req.socket.destroy();
      return true; // dropped
    }
    if (chunk === null) {
      req.push = push;
      for (const part of held) push(part);
      held.length = 0;
      const ended = push(null);
      next(req, res);
      return ended;
    }
    received += chunk.length;
    if (received > cap) {
      refuseNow();
      return true;
    }
    held.push(chunk);
    return true;
  };
  if (Number(req.headers["content-length"] ?? 0) > cap) refuseNow();
}
