import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

// Worksection's admin API authenticates each call with `hash` = md5(query_params . apikey): the
// parameters exactly as the client wrote them (without `hash` itself), then the account's key.
// MD5 is Worksection's choice, kept for its clients; the key is 128 random bits, so the hash of a
// known query reveals nothing that could be brute-forced.

const HEX_MD5 = /^[0-9a-f]{32}$/;

/** A parameter's name as written (`h%61sh` is still `hash`); undecodable names are taken as they are. */
function paramName(part: string): string {
  const eq = part.indexOf("=");
  const raw = eq === -1 ? part : part.slice(0, eq);
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

/**
 * The text a client signed: `raw` (a query string without its `?`, or a form body) with every
 * `hash` parameter taken out, with the `&` that joined it, and nothing else touched: order, case
 * and percent-encoding stay as sent.
 */
export function withoutHashParam(raw: string): string {
  return raw
    .split("&")
    .filter((part) => paramName(part) !== "hash")
    .join("&");
}

/** md5(signed + key), lower-case hex, as PHP's md5() writes it. */
export function worksectionHash(signed: string, key: string): string {
  return createHash("md5")
    .update(signed + key, "utf8")
    .digest("hex");
}

/**
 * Whether a client's `hash` is `expected`, in constant time for a well-formed one (any case of hex).
 * A missing or malformed one is compared too, against itself, so no path answers early.
 */
export function isHashMatch(given: string | null, expected: string): boolean {
  const candidate = given?.toLowerCase() ?? "";
  const isWellFormed = HEX_MD5.test(candidate);
  const isEqual = timingSafeEqual(Buffer.from(isWellFormed ? candidate : expected, "utf8"), Buffer.from(expected, "utf8"));
  return isWellFormed && isEqual;
}
