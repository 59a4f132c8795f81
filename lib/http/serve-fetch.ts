// Answers a Node request with a Fetch-style handler (Request in, Response out), the shape Next's
// route handlers have: scripts/serve.ts uses it for the routes it serves before Next
// (lib/api/direct-routes.ts). The body has already passed the front door's cap.
import type http from "node:http";
import { Readable } from "node:stream";
import { logUnexpected } from "../errors/log-unexpected";
import { refuseRequest } from "./refuse-request";
import { frontDoorSecurityHeaders } from "./security-headers";

type TFetchHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function toRequest(req: http.IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // The Host header only names the URL; nothing here trusts it (authenticate-request reads headers).
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  return new Request(url, {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

export async function serveFetch(handler: TFetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // The front door refuses such targets and Host headers first (lib/http/request-target.ts);
    // should one slip through, it is still the client's mistake, not a 500.
    return refuseRequest(req, res, { status: 400, code: "bad_request", message: "No URL can be built from the request's target and Host header" });
  }
  let response: Response;
  try {
    response = await handler(request, { params: Promise.resolve({}) });
  } catch (error) {
    logUnexpected("unhandled error in a direct route", error);
    response = Response.json({ error: { code: "internal", message: "Something went wrong on the server" } }, { status: 500 });
  }
  const headers: Record<string, string | string[]> = { ...frontDoorSecurityHeaders() };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length) headers["set-cookie"] = setCookies;
  const body = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
