import { afterEach, describe, expect, it } from "vitest";
import { parseAllowList } from "@/lib/config/allow-list";
import { sendRequest } from "@/lib/delivery/send-request";
import type { TResolver } from "@/lib/delivery/ssrf/safe-lookup";
import { startReceiver } from "../../helpers/receiver";

const ALLOW = parseAllowList("127.0.0.1");
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}
const send = (url: string, extra: Partial<Parameters<typeof sendRequest>[0]> = {}) =>
  sendRequest({ url, headers: { "content-type": "application/json" }, body: '{"a":1}', timeoutMs: 2_000, maxBodyBytes: 1024, allow: ALLOW, ...extra });

describe("sendRequest", () => {
  it("POSTs the body and reports a 2xx as success with status, time and body", async () => {
    const r = await receiver((_q, res) => {
      res.setHeader("x-seen", "yes");
      res.end("thanks");
    });
    const result = await send(`${r.url}/hook`, { headers: { "content-type": "application/json", Event: "ping" } });
    expect(result).toMatchObject({ ok: true, statusCode: 200, errorClass: null, responseBody: "thanks", isBodyTruncated: false });
    expect(result.responseHeaders["x-seen"]).toBe("yes");
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(r.received[0]).toMatchObject({ method: "POST", url: "/hook", body: '{"a":1}' });
    expect(r.received[0]?.headers.event).toBe("ping");
  });

  it("classes a 5xx as http_status and keeps the response", async () => {
    const r = await receiver((_q, res) => {
      res.statusCode = 503;
      res.end("busy");
    });
    expect(await send(r.url)).toMatchObject({ ok: false, statusCode: 503, errorClass: "http_status", responseBody: "busy" });
  });

  it("never follows a redirect, and the target is never contacted", async () => {
    const target = await receiver();
    const r = await receiver((_q, res) => {
      res.statusCode = 302;
      res.setHeader("location", `${target.url}/elsewhere`);
      res.end();
    });
    const result = await send(r.url);
    expect(result).toMatchObject({ ok: false, statusCode: 302, errorClass: "redirect" });
    expect(result.errorMessage).toContain("/elsewhere");
    expect(target.connections()).toBe(0);
  });

  it("times out a receiver that answers too late", async () => {
    const r = await receiver((_q, res) => {
      setTimeout(() => res.end("late"), 1_500);
    });
    const result = await send(r.url, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, errorClass: "timeout", statusCode: null });
    expect(result.durationMs).toBeLessThan(1_400);
  });

  describe("a body still trickling at the deadline", () => {
    // Status and headers at once, then one byte every 200 ms for 10 s; notes when the socket closes.
    async function trickler(status: number) {
      let closedAt: number | null = null;
      const r = await receiver((_q, res) => {
        res.statusCode = status;
        res.flushHeaders();
        let sent = 0;
        const timer = setInterval(() => (++sent > 50 ? res.end() : res.write(".")), 200);
        res.on("close", () => {
          clearInterval(timer);
          closedAt = performance.now();
        });
      });
      return { r, closedAt: () => closedAt };
    }

    it("a 2xx is a success with its status and the body so far, marked truncated, by the deadline", async () => {
      const { r, closedAt } = await trickler(200);
      const started = performance.now();
      const result = await send(r.url, { timeoutMs: 1_000 });
      const returned = performance.now();
      expect(result).toMatchObject({ ok: true, statusCode: 200, errorClass: null, isBodyTruncated: true });
      expect(result.errorMessage).toContain("body still arriving at the deadline");
      expect(result.responseBody).toMatch(/^\.{2,5}$/);
      expect(returned - started).toBeLessThan(1_400);
      // The connection is dropped, not left reading in the background.
      await expect.poll(closedAt, { timeout: 500 }).not.toBeNull();
    });

    it("a 5xx is an http_status failure with its status, not a timeout", async () => {
      const { r, closedAt } = await trickler(500);
      const result = await send(r.url, { timeoutMs: 1_000 });
      expect(result).toMatchObject({ ok: false, statusCode: 500, errorClass: "http_status", isBodyTruncated: true });
      expect(result.durationMs).toBeLessThan(1_400);
      await expect.poll(closedAt, { timeout: 500 }).not.toBeNull();
    });

    it("no status line before the deadline is still a timeout", async () => {
      const r = await receiver(() => {});
      const result = await send(r.url, { timeoutMs: 500 });
      expect(result).toMatchObject({ ok: false, statusCode: null, errorClass: "timeout", responseBody: "" });
      expect(result.durationMs).toBeLessThan(900);
    });
  });

  it("reads at most maxBodyBytes of a huge response", async () => {
    const r = await receiver((_q, res) => {
      const chunk = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const result = await send(r.url, { maxBodyBytes: 4096, timeoutMs: 4_000 });
    expect(result).toMatchObject({ ok: true, statusCode: 200, isBodyTruncated: true });
    expect(result.responseBody).toHaveLength(4096);
  });

  it("classes a refused connection as connect", async () => {
    const r = await receiver();
    const url = r.url;
    await r.close();
    receivers.pop();
    expect(await send(url)).toMatchObject({ ok: false, errorClass: "connect" });
  });

  describe("SSRF: loopback spellings outside the allow-list are never connected to", () => {
    it.each(["127.0.0.2", "0x7f000002", "2130706434", "0177.0.0.2"])("http://%s", async (host) => {
      const r = await receiver(undefined, "127.0.0.2");
      const result = await send(`http://${host}:${r.port}/`);
      expect(result).toMatchObject({ ok: false, errorClass: "ssrf_blocked" });
      expect(r.connections()).toBe(0);
    });

    it.each(["[::1]", "[::ffff:127.0.0.2]", "[::ffff:7f00:1]"])("http://%s", async (host) => {
      const r = await receiver(undefined, host === "[::1]" ? "::1" : "127.0.0.2");
      const result = await send(`http://${host}:${r.port}/`);
      expect(result).toMatchObject({ ok: false, errorClass: "ssrf_blocked" });
      expect(r.connections()).toBe(0);
    });

    it("a host name that resolves to a blocked address", async () => {
      const r = await receiver(undefined, "127.0.0.2");
      const resolver: TResolver = async () => [{ address: "127.0.0.2", family: 4 }];
      const result = await send(`http://hooks.example.test:${r.port}/`, { resolver });
      expect(result).toMatchObject({ ok: false, errorClass: "ssrf_blocked" });
      expect(result.errorMessage).toContain("hooks.example.test resolves to 127.0.0.2");
      expect(r.connections()).toBe(0);
    });

    it("a host name that resolves to 127.0.0.1 when nothing is allow-listed", async () => {
      const r = await receiver();
      const resolver: TResolver = async () => [{ address: "127.0.0.1", family: 4 }];
      const result = await send(`http://localhost.example.test:${r.port}/`, { resolver, allow: parseAllowList("") });
      expect(result).toMatchObject({ ok: false, errorClass: "ssrf_blocked" });
      expect(result.errorMessage).toContain("resolves to 127.0.0.1 is not a public address (loopback)");
      expect(r.connections()).toBe(0);
    });

    it("a host name with one allowed and one blocked answer", async () => {
      const r = await receiver();
      const resolver: TResolver = async () => [
        { address: "127.0.0.1", family: 4 },
        { address: "10.0.0.1", family: 4 },
      ];
      expect(await send(`http://mixed.example.test:${r.port}/`, { resolver })).toMatchObject({ errorClass: "ssrf_blocked" });
      expect(r.connections()).toBe(0);
    });

    it("fails closed when DNS fails", async () => {
      const resolver: TResolver = async () => {
        throw Object.assign(new Error("queryA ENOTFOUND"), { code: "ENOTFOUND" });
      };
      expect(await send("http://nowhere.example.test/", { resolver })).toMatchObject({ ok: false, errorClass: "dns" });
    });

    it("connects to the vetted address when the name resolves to an allowed one", async () => {
      const r = await receiver();
      const resolver: TResolver = async () => [{ address: "127.0.0.1", family: 4 }];
      expect(await send(`http://receiver.example.test:${r.port}/x`, { resolver })).toMatchObject({ ok: true, statusCode: 200 });
      expect(r.received[0]?.headers.host).toBe(`receiver.example.test:${r.port}`);
    });
  });
});
