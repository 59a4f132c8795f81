// Answers a Node request with a Fetch-style handler (Request in, Response out), the shape Next's
// route handlers have: scripts/serve.ts uses it for the routes it serves before Next
// (lib/api/direct-routes.ts). The body has already passed the front door's cap.
import type http from "node:http";
import { logUnexpected } from "../errors/log-unexpected";
import { refuseRequest } from "./refuse-request";
import { frontDoorSecurityHeaders } from "./security-headers";

type TFetchHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The whole body, as Node streams it (the front door has already capped its size and its pauses). */
async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

// The body is read with Node's stream and handed over whole: a web ReadableStream around the request
// (Readable.toWeb) cost more per publish than the rest of this adapter together.
function toRequest(req: http.IncomingMessage, body: Buffer | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // The Host header only names the URL; nothing here trusts it (authenticate-request reads headers).
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  return new Request(url, { method: req.method ?? "GET", headers, body: body as BodyInit | null });
}

export async function serveFetch(handler: TFetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  let body: Buffer | null = null;
  try {
    if (hasBody) body = await readBody(req);
  } catch {
    return void req.destroy(); // the client went away mid-body: nobody to answer
  }
  let request: Request;
  try {
    request = toRequest(req, body);
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
  const answer = Buffer.from(await response.arrayBuffer());
  headers["content-length"] = String(answer.length);
  res.writeHead(response.status, headers);
  res.end(answer);
}
