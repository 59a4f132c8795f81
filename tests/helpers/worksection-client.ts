import { createHash } from "node:crypto";

// A Worksection-style client, written from Worksection's docs rather than from Hookline's code:
// hash = md5($query_params . $apikey), where query_params is the query string exactly as sent,
// without the hash parameter, which is appended last.

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/** A query string as a PHP client writes it with urlencode(): values encoded, commas of lists kept readable. */
export function queryOf(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/g, ",")}`)
    .join("&");
}

export function signedUrl(query: string, key: string, { origin = "http://localhost:3000", hasSlash = true } = {}): string {
  return `${origin}/api/admin/v2${hasSlash ? "/" : ""}?${query}&hash=${md5(query + key)}`;
}

export async function send(handler: THandler, url: string, init: RequestInit = {}) {
  const response = await handler(new Request(url, init), { params: Promise.resolve({}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** GET /api/admin/v2/?<query>&hash=md5(query + key) */
export function wsGet(handler: THandler, params: Record<string, string>, key: string, options?: { hasSlash?: boolean }) {
  return send(handler, signedUrl(queryOf(params), key, options));
}
