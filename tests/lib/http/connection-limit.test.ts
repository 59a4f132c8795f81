import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createConnectionLimit, peerKey } from "@/lib/http/connection-limit";
import { LINGER_MS } from "@/lib/http/refuse-request";

let server: net.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A TCP server that only counts; resolves with its port and the server's side of each connection. */
async function countingServer(max: number) {
  const limit = createConnectionLimit(max);
  const accepted: net.Socket[] = [];
  server = net.createServer((socket) => {
    limit.admit(socket);
    accepted.push(socket);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const connect = async () => {
    const before = accepted.length;
    const socket = net.connect(port, "127.0.0.1");
    socket.on("error", () => {});
    await until(() => accepted.length > before);
    return { client: socket, accepted: accepted[before] as net.Socket };
  };
  return { limit, connect };
}

const until = async (check: () => boolean, ms = 5_000) => {
  for (const t0 = Date.now(); !check(); await new Promise((r) => setTimeout(r, 10))) if (Date.now() - t0 > ms) throw new Error("timed out");
};

describe("peerKey", () => {
  it("counts IPv4 by address, IPv4-mapped IPv6 as its IPv4 address, and IPv6 by its /64", () => {
    expect(peerKey("203.0.113.9")).toBe("203.0.113.9");
    expect(peerKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(peerKey("2001:db8:1:2:aaaa::1")).toBe(peerKey("2001:db8:1:2:bbbb::2"));
    expect(peerKey("2001:db8:1:2::1")).not.toBe(peerKey("2001:db8:1:3::1"));
  });
});

describe("createConnectionLimit", () => {
  it("marks the connections past a peer's limit, and forgets each one when it closes", async () => {
    const { limit, connect } = await countingServer(2);
    const first = await connect();
    const second = await connect();
    const third = await connect();
    expect(limit.countOf("127.0.0.1")).toBe(3);
    expect([first, second, third].map((c) => limit.isOverLimit(c.accepted))).toEqual([false, false, true]);
    for (const c of [first, second, third]) c.client.destroy();
    await until(() => limit.countOf("127.0.0.1") === 0);
    // Room again: a new connection is within the limit.
    const again = await connect();
    expect(limit.isOverLimit(again.accepted)).toBe(false);
    again.client.destroy();
  });

  it("closes a connection past the limit that never sends a request, and counts it out", async () => {
    const { limit, connect } = await countingServer(1);
    const held = await connect();
    const over = await connect();
    const closed = new Promise<void>((resolve) => over.client.once("close", () => resolve()));
    const t0 = Date.now();
    await closed;
    expect(Date.now() - t0).toBeLessThan(LINGER_MS + 1_500);
    expect(held.client.destroyed).toBe(false); // the one within the limit stays open
    await until(() => limit.countOf("127.0.0.1") === 1);
    held.client.destroy();
    await until(() => limit.countOf("127.0.0.1") === 0);
  });

  it("0 means no limit", async () => {
    const { limit, connect } = await countingServer(0);
    const all = [await connect(), await connect(), await connect()];
    for (const c of all) expect(limit.isOverLimit(c.accepted)).toBe(false);
    for (const c of all) c.client.destroy();
  });
});
