// Requests written byte for byte on a TCP socket to 127.0.0.1: what no HTTP client will send (an
// absolute-form target, two Host headers, a body declared and then stalled) and what the server
// answers before the request is even complete.
import net from "node:net";

export type TRawResponse = { status: number; headers: Record<string, string>; body: string };

export type TRawConnection = {
  socket: net.Socket;
  /** The first response on the connection, as soon as it is complete (before the connection closes). */
  response: Promise<TRawResponse>;
  /** Resolves when the server (or we) closed the connection. */
  closed: Promise<void>;
  write(bytes: string | Buffer): void;
};

function parse(buffer: Buffer): TRawResponse | null {
  const end = buffer.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine = "", ...lines] = buffer.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  if (buffer.length < end + 4 + length) return null;
  return { status: Number(statusLine.split(" ")[1]), headers, body: buffer.subarray(end + 4, end + 4 + length).toString() };
}

/** Opens a connection and writes `head` (request line and headers, CRLF-separated, ending in a blank line). */
export function rawConnection(port: number, head: string): TRawConnection {
  const socket = net.connect(port, "127.0.0.1");
  let received = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const response = new Promise<TRawResponse>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const parsed = parse(received);
      if (parsed) resolve(parsed);
    });
    socket.once("close", () => reject(new Error(`connection closed without a complete response (${received.length} bytes)`)));
  });
  response.catch(() => {}); // a test that only waits for `closed` need not see this
  socket.on("error", () => {}); // a reset after the answer is part of what is tested
  socket.write(head);
  return { socket, response, closed, write: (bytes) => void socket.write(bytes) };
}

/** One request with its whole body; resolves with the response. */
export function rawRequest(port: number, head: string, body: string | Buffer = ""): Promise<TRawResponse> {
  const connection = rawConnection(port, head);
  if (body.length) connection.write(body);
  return connection.response.finally(() => connection.socket.destroy());
}

/** A request head: the request line, then headers, then the blank line. */
export function head(requestLine: string, headers: Record<string, string | number> = {}): string {
  return `${requestLine}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;
}

type TRoute = readonly [method: string, path: string, headers: Readonly<Record<string, string | number>>, body: string];

/**
 * Each route asked with the request targets and Host headers no URL can be built from (issue 19.6):
 * absolute-form, to another host and to this one, and two malformed Hosts. One answer per pair.
 */
export async function badTargetAnswers(port: number, host: string, routes: readonly TRoute[]): Promise<{ what: string; path: string; answer: TRawResponse }[]> {
  const answers = [];
  for (const [method, path, headers, body] of routes) {
    for (const [target, hostHeader] of [
      [`http://x${path}`, "x"],
      [`http://${host}${path}`, host],
      [path, "a b"],
      [path, "a@b"],
    ] as const) {
      const answer = await rawRequest(port, head(`${method} ${target} HTTP/1.1`, { host: hostHeader, ...headers }), body);
      answers.push({ what: `${method} ${target} Host: ${hostHeader}`, path, answer });
    }
  }
  return answers;
}
