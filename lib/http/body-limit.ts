// Request bodies as our HTTP server (scripts/serve.ts) receives them, before any byte reaches Next.
// Next's handlers (next-auth's sign-in callback among them) read a body whole into memory before
// anyone can check its size, and before authentication. So here, before Next or a direct route:
// - a body over its cap is refused with 413 as soon as its declared length, or the bytes streamed
//   so far, pass the cap; nothing past the cap is kept;
// - a body takes its bytes from the one budget all connections share (lib/http/body-budget.ts)
//   before any is kept, and gives them back when its request is answered or its connection drops;
//   when the budget is spent the request is refused with 503 and its connection closed, nothing kept;
// - a body that sends nothing for `idleMs` is refused with 408 and its connection closed: a client
//   that declares a megabyte and stalls no longer holds it until Node's five-minute requestTimeout.
import type http from "node:http";
import type { TBodyBudget } from "./body-budget";
import { hasBody, LINGER_BYTES, refuseRequest, type TRefusal } from "./refuse-request";

/** Sign-in and the other next-auth forms carry an email, a password and a CSRF token: a few hundred bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

/** The cap for a request path: next-auth's routes get the small one, everything else `defaultCap`. */
export function bodyCapFor(pathname: string, defaultCap: number): number {
  return pathname === "/api/auth" || pathname.startsWith("/api/auth/") ? Math.min(AUTH_MAX_BODY_BYTES, defaultCap) : defaultCap;
}

export type TBodyLimits = { cap: number; budget: TBodyBudget; idleMs: number };

const tooLarge = (cap: number): TRefusal => ({ status: 413, code: "too_large", message: `Request body is over ${cap} bytes` });
const stalled = (idleMs: number): TRefusal => ({ status: 408, code: "request_timeout", message: `No request body bytes arrived for ${idleMs} ms` });
const busy = (idleMs: number): TRefusal => ({
  status: 503,
  code: "unavailable",
  message: "The server is holding as many request bodies as it may; retry shortly",
  // Room comes back as bodies complete, and at the latest when the stalled ones time out.
  headers: { "retry-after": String(Math.max(1, Math.ceil(idleMs / 1000))) },
});

/**
 * Calls `next(req, res)` once the request body is known to be within `cap` bytes: at once for a
 * request without a body, otherwise after the whole body has arrived (held back from `req` while it
 * streams in, at most `cap` bytes of it, reserved in `budget`). Refused (413, 503, 408): `next` is
 * never called. The reservation lasts until the response is done, as the handler reads the body
 * only after authenticating, and its connection may be closed any time: 'close' releases it once.
 */
export function limitRequestBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { cap, budget, idleMs }: TBodyLimits,
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
  let reserved = 0;
  let isRefused = false;
  const idle = setTimeout(() => refuseNow(stalled(idleMs), { closeNow: true }), idleMs).unref();
  const settle = () => {
    clearTimeout(idle);
    held.length = 0;
    budget.release(reserved);
    reserved = 0;
  };
  const refuseNow = (refusal: TRefusal, options?: { closeNow: boolean }) => {
    isRefused = true;
    settle();
    refuseRequest(req, res, refusal, options);
  };
  // Answered, refused or hung up: every way a request ends passes here, and settle() is idempotent.
  res.once("close", () => {
    isRefused = true;
    settle();
  });
  req.push = (chunk: Buffer | null) => {
    if (isRefused) {
      received += chunk?.length ?? 0;
      if (received > cap + LINGER_BYTES) req.socket.destroy();
      return true; // dropped
    }
    if (chunk === null) {
      clearTimeout(idle);
      req.push = push;
      for (const part of held) push(part);
      held.length = 0;
      const ended = push(null);
      next(req, res);
      return ended;
    }
    received += chunk.length;
    if (received > cap) {
      refuseNow(tooLarge(cap));
      return true;
    }
    // A declared length was reserved whole; a chunked body reserves as it grows.
    if (received > reserved) {
      if (!budget.tryReserve(received - reserved)) {
        refuseNow(busy(idleMs), { closeNow: true });
        return true;
      }
      reserved = received;
    }
    idle.refresh();
    held.push(chunk);
    return true;
  };
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > cap) refuseNow(tooLarge(cap));
  else if (declared > 0 && !budget.tryReserve(declared)) refuseNow(busy(idleMs), { closeNow: true });
  else reserved = declared;
}
