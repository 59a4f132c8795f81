// Whether an error means "the database cannot be reached right now" (restarting, refusing
// connections, a connection cut mid-query) rather than "this request is wrong" or "we have a bug".
// The API answers the first with 503 + Retry-After, so a host retries its publish instead of
// treating it as a permanent failure. Errors arrive in several wrappings: pg's own, Prisma's
// driver-adapter errors (with the original under `cause`), and Prisma's P1xxx codes.

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// SQLSTATE: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Prisma: can't reach server, timed out, connection closed, connection pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// The driver adapter's kinds for the same (a socket reset reads "Server has closed the connection.").
const ADAPTER_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections"]);
// "not queryable": pg's answer when a pooled client whose session the server just ended is used.
const MESSAGES =
  /connection terminated|terminating connection|connection (?:is )?closed|server closed the connection|Connection ended|connection error and is not queryable|timeout exceeded when trying to connect|database system is (?:starting up|shutting down|in recovery mode)|PGlite is closed/i;

function codesOf(error: Record<string, unknown>): unknown[] {
  const meta = error.meta as Record<string, unknown> | undefined;
  const adapter = meta?.driverAdapterError as Record<string, unknown> | undefined;
  const cause = adapter?.cause as Record<string, unknown> | undefined;
  return [error.code, error.originalCode, cause?.originalCode, cause?.kind];
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Record<string, unknown>;
  if (e.name === "DatabaseUnavailableError") return true;
  for (const code of codesOf(e)) {
    if (typeof code !== "string") continue;
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code) || ADAPTER_KINDS.has(code) || code.startsWith("08")) return true;
  }
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
