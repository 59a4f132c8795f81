// What a request names: its target (the path and query after the method) and its Host header. Node
// passes both on as the client wrote them, and everything behind the front door builds a URL from
// them (`http://${host}${target}`: lib/http/serve-fetch.ts, and Next likewise). An absolute-form
// target ("POST http://x/api/v1/events") or a Host that is not a host ("a b", "a@b", "x:99999")
// made that URL throw, and the request a 500 with a stack trace in the log; the front door now
// answers them 400 before any route runs.
import type http from "node:http";

/** The path of a request target, origin-form or absolute-form. */
export function pathOf(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

// A name (letters, digits, dots, hyphens; underscores, as container names have) or a bracketed
// IPv6 literal, then an optional port. Percent-encoding and RFC 3986's other sub-delimiters are
// legal in a reg-name but no client of ours sends them, and WHATWG URLs refuse several.
const HOST = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** A Host header value a URL can be built from: "example.com", "127.0.0.1:3000", "[::1]:3000". */
export function isValidHost(host: string): boolean {
  return HOST.test(host) && URL.canParse(`http://${host}/`);
}

function hostLines(req: http.IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === "host") count += 1;
  return count;
}

/**
 * Why a request's target or Host cannot be served (the message of a 400), or null when they can.
 * Only origin-form targets ("/path?query") are served: absolute-form is for proxies, which Hookline
 * is not, and authority-form (CONNECT) and asterisk-form (OPTIONS *) name nothing a route answers.
 * RFC 9112 §3.2 asks for a 400 on a Host that is invalid or given twice; an HTTP/1.1 request
 * without one Node has already refused, and an HTTP/1.0 one may omit it.
 */
export function requestTargetProblem(req: http.IncomingMessage): string | null {
  const target = req.url ?? "";
  if (!target.startsWith("/")) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
      ? "Send the request target as a path (origin-form), not an absolute URL"
      : "The request target must be a path starting with /";
  }
  if (hostLines(req) > 1) return "The Host header is given more than once";
  const host = req.headers.host;
  if (host !== undefined && !isValidHost(host)) return "The Host header is not a valid host name and port";
  return null;
}
