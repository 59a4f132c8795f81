import "server-only";
import { withoutHashParam } from "../../crypto/worksection-hash";
import { ApiError } from "../api-error";
import { readBoundedBytes } from "../read-json-body";
import { WorksectionError } from "./worksection-error";

/** A call's parameters, the text its `hash` signs, and that hash. */
export type TWorksectionRequest = { params: Map<string, string>; signed: string; hash: string | null };

const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const invalid = (details: string, status = 400) => new WorksectionError("invalid_request", details, status);

/** Adds decoded name/value pairs, refusing a name given twice: which one would the hash have meant? */
function addPairs(params: Map<string, string>, pairs: Iterable<[string, string]>): void {
  for (const [name, value] of pairs) {
    if (params.has(name)) throw invalid(`Parameter "${name.slice(0, 100)}" is given twice`);
    params.set(name, value);
  }
}

/** A JSON body's values as Worksection's strings: numbers as written, lists joined with commas. */
function jsonPairs(value: unknown): [string, string][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid("A JSON body must be an object of parameters");
  const scalar = (v: unknown) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
  return Object.entries(value).map(([name, v]) => {
    if (name === "hash") throw invalid("With a JSON body, send hash in the query string: it signs the query followed by the body as sent");
    if (scalar(v)) return [name, String(v)];
    if (Array.isArray(v) && v.every(scalar)) return [name, v.map(String).join(",")];
    throw invalid(`Parameter "${name.slice(0, 100)}" must be a string, a number or a list of them`);
  });
}

async function readBodyText(request: Request, cap: number): Promise<string> {
  try {
    const bytes = await readBoundedBytes(request, cap);
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof ApiError) throw invalid(error.message, error.status);
    if (error instanceof TypeError) throw invalid("Request body is not valid UTF-8");
    throw error;
  }
}

/**
 * Reads a Worksection-style call. The hash signs the parameters as sent, without `hash`: the query
 * string; for a form body (application/x-www-form-urlencoded), the query and the body joined by
 * `&` (hash may be in either); for a JSON body, the query followed by the body's exact text (hash
 * must be in the query). The body is read within `cap` bytes (413 past it).
 */
export async function readWorksectionRequest(request: Request, cap: number): Promise<TWorksectionRequest> {
  const query = new URL(request.url).search.replace(/^\?/, "");
  const params = new Map<string, string>();
  addPairs(params, new URLSearchParams(query));
  const signedQuery = withoutHashParam(query);
  const body = request.method === "POST" ? await readBodyText(request, cap) : "";
  let signed = signedQuery;
  if (body.trim() !== "") {
    const type = request.headers.get("content-type") ?? "";
    if (FORM_TYPE.test(type)) {
      addPairs(params, new URLSearchParams(body));
      signed = [signedQuery, withoutHashParam(body)].filter((part) => part !== "").join("&");
    } else if (JSON_TYPE.test(type)) {
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        throw invalid("Request body is not valid JSON");
      }
      addPairs(params, jsonPairs(value));
      signed = signedQuery + body;
    } else {
      throw invalid("Send parameters in the query string, or a body of application/x-www-form-urlencoded or application/json", 415);
    }
  }
  return { params, signed, hash: params.get("hash") ?? null };
}
