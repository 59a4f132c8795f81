// How the front door says no (405, 400, 413, 408, 503) before any route has run: in the API's error
// shape, or in Worksection's on the paths that speak it, with the security headers every answer
// carries, and closing the connection without reading (let alone keeping) what is still coming.
import type http from "node:http";
import { WORKSECTION_ERRORS, worksectionErrorBody } from "../validation/worksection";
import { pathOf } from "./request-target";
import { frontDoorSecurityHeaders } from "./security-headers";

/** After a refusal, how long and how much of the rest of an upload is read (and dropped) before hanging up. */
export const LINGER_MS = 2_000;
export const LINGER_BYTES = 8 * 1024 * 1024;

export type TRefusal = { status: number; code: string; message: string; headers?: Record<string, string> };

/** Worksection's admin API and its OAuth form (lib/api/worksection): their clients read Worksection's body. */
export function isWorksectionPath(pathname: string): boolean {
  return /^\/api\/(?:admin\/v2|oauth2)(?:\/|$)/.test(pathname);
}

/** The body of a refusal: `{ error: { code, message } }`, or Worksection's `{ status: "error", status_code, ... }`. */
export function refusalBody(pathname: string, { status, code, message }: TRefusal): string {
  if (!isWorksectionPath(pathname)) return JSON.stringify({ error: { code, message } });
  const kind = status === WORKSECTION_ERRORS.unavailable.http ? "unavailable" : "invalid_request";
  return JSON.stringify(worksectionErrorBody(kind, message));
}

export function hasBody(req: http.IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/**
 * Answers `refusal`. When the request's body is complete (or there is none) the connection closes
 * after the answer. Otherwise a client still sending would get a connection reset that makes it
 * discard our answer unread, so the rest is read and dropped (never kept) for up to LINGER_MS and
 * only then is the connection closed: a client's mistake (400, 405, 413) deserves a readable answer.
 * `closeNow` skips that wait where reading on would only cost us: a stalled body (408) is not
 * sending, and a server out of room (503) is most likely being flooded; reading and dropping a
 * thousand refused megabytes once held the health route up for seconds.
 */
export function refuseRequest(req: http.IncomingMessage, res: http.ServerResponse, refusal: TRefusal, { closeNow = false } = {}): void {
  if (res.headersSent) return;
  const body = refusalBody(pathOf(req.url), refusal);
  const isDone = req.complete || !hasBody(req);
  res.writeHead(refusal.status, {
    ...frontDoorSecurityHeaders(),
    ...refusal.headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    // With "close" Node ends the connection once the answer is out, even mid-upload.
    ...(isDone || closeNow ? { connection: "close" } : {}),
  });
  // req.socket, not res.socket: Node detaches the latter once the answer is out, and a timer that
  // found it gone would leave the connection to Node's minutes-long timeouts.
  const socket = req.socket;
  res.end(body);
  if (!isDone && !closeNow) setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
