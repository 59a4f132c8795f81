import "server-only";
import { findUnstorable } from "../validation/storable-json";
import { ApiError } from "./api-error";

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function tooLarge(cap: number): ApiError {
  return new ApiError(413, "too_large", `Request body is over ${cap} bytes`);
}

/**
 * Reads a request's bytes, refusing with 413 as soon as the declared length or the bytes read so
 * far pass `cap`: at most `cap` bytes are ever held, whatever the client sends. (Behind
 * scripts/serve.ts the server has already refused larger bodies; under `next dev` this is the cap.)
 */
export async function readBoundedBytes(request: Request, cap: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > cap) throw tooLarge(cap);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw tooLarge(cap);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON body of an API request: `{}` when empty; 415 for a body that is not declared JSON, 413
 * over `cap`, 400 for bytes that are not UTF-8, text that is not JSON, or a value PostgreSQL could
 * not store (NUL, lone surrogate, nesting past MAX_JSON_DEPTH), naming the field.
 */
export async function readJsonBody(request: Request, cap: number): Promise<unknown> {
  const bytes = await readBoundedBytes(request, cap);
  if (bytes.byteLength === 0) return {};
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      `Send the body as JSON with Content-Type: application/json (got ${type ? JSON.stringify(type.slice(0, 100)) : "none"})`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "invalid_json", "Request body is not valid UTF-8");
  }
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "Request body is not valid JSON");
  }
  const unstorable = findUnstorable(value);
  if (unstorable) throw ApiError.invalid(unstorable.path, unstorable.message);
  return value;
}
