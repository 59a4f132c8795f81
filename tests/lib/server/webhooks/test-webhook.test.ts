import { afterEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { teamworkSignature } from "@/lib/delivery/sign-payload";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import {
  describeTestFailure,
  isSameWebhookUrl,
  requirePassingTest,
  runWebhookTest,
  testFailedMessage,
  testUnsavedWebhook,
} from "@/lib/server/webhooks/test-webhook";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";

const MISSING = "00000000-0000-4000-8000-000000000000";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe.each(TEST_DATABASES)("testing a saved webhook on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it("pings the saved URL signed with the token and the stored password; another URL gets no password", async () => {
    const saved = await startReceiver((_req, res) => res.end("pong"));
    const other = await startReceiver((_req, res) => {
      res.statusCode = 404;
      res.end("no such hook");
    });
    receivers.push(saved, other);
    const token = "test-token-0123456789";
    const { id } = await createWebhook(ctx(), { url: `${saved.url}/hook`, events: ["deals.created"], token, httpUser: "bob", httpPassword: "pw-1" });
    const result = await runWebhookTest(ctx(), id);
    expect(result).toMatchObject({ ok: true, status: 200, responseSnippet: "pong" });
    const [ping] = saved.received;
    expect(ping?.headers).toMatchObject({ event: "ping", authorization: basic("bob", "pw-1"), signature: teamworkSignature(token, ping?.body ?? "") });
    expect(JSON.parse(ping?.body ?? "{}")).toMatchObject({ event: "ping", data: { webhookId: id } });

    const elsewhere = await runWebhookTest(ctx(), id, { url: `${other.url}/hook` });
    expect(elsewhere).toMatchObject({ ok: false, status: 404, errorClass: "http_status", responseSnippet: "no such hook" });
    expect(other.received[0]?.headers.authorization).toBeUndefined();
    expect(describeTestFailure(elsewhere)).toBe("the URL answered HTTP 404");
    // The form's own credentials go where the form says.
    await runWebhookTest(ctx(), id, { url: `${other.url}/hook`, httpUser: "eve", httpPassword: "pw-2" });
    expect(other.received[1]?.headers.authorization).toBe(basic("eve", "pw-2"));
    expect(await database().prisma.webhook.count()).toBe(1);
  });

  it("refuses an unknown id and a bad override, sending nothing", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const { id } = await createWebhook(ctx(), { url: `${receiver.url}/hook`, events: ["deals.created"] });
    await expect(runWebhookTest(ctx(), MISSING)).rejects.toMatchObject({ kind: "not_found" });
    const error = await runWebhookTest(ctx(), id, { url: "javascript:alert(1)" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.path).toEqual(["url"]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe("testUnsavedWebhook, isSameWebhookUrl and describeTestFailure", () => {
  it("pings an unsaved URL with a throwaway token, and refuses a bad one", async () => {
    const receiver = await startReceiver();
    try {
      expect(await testUnsavedWebhook({ url: `${receiver.url}/new` })).toMatchObject({ ok: true, status: 200, responseSnippet: "ok" });
      expect(receiver.received[0]?.headers["webhook-signature"]).toMatch(/^v1,/);
      const error = await testUnsavedWebhook({ url: `${receiver.url}/new`, token: "short" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.path).toEqual(["token"]);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("requirePassingTest passes on any 2xx (the body is not read) and refuses anything else as test_failed, with why", async () => {
    const receiver = await startReceiver((req, res) => {
      res.statusCode = req.url === "/accepted" ? 202 : 404;
      res.end("not the JSON Worksection asks for");
    });
    try {
      await expect(requirePassingTest({ url: `${receiver.url}/accepted` })).resolves.toBeUndefined();
      await expect(requirePassingTest({ url: `${receiver.url}/missing` })).rejects.toMatchObject({
        kind: "rejected",
        code: "test_failed",
        message: "Not enabled: the test delivery failed (the URL answered HTTP 404)",
      });
      expect(receiver.received.map((r) => r.url)).toEqual(["/accepted", "/missing"]);
      expect(testFailedMessage({ ok: false, durationMs: 1, errorClass: "timeout", errorMessage: "no answer" })).toBe(
        "Not enabled: the test delivery failed (timed out)",
      );
    } finally {
      await receiver.close();
    }
  });

  it("compares URLs as the parser serializes them", () => {
    expect(isSameWebhookUrl("HTTP://127.0.0.1:80/a", "http://127.0.0.1/a")).toBe(true);
    expect(isSameWebhookUrl("http://127.0.0.1/a", "http://127.0.0.1/b")).toBe(false);
    expect(isSameWebhookUrl("not a url", "not a url")).toBe(false);
  });

  it("describes a failure by its class in words, never the raw Node error; a refused address by Hookline's own explanation", () => {
    expect(describeTestFailure({ ok: true, status: 200, durationMs: 1 })).toBe("");
    expect(describeTestFailure({ ok: false, durationMs: 1, errorClass: "connect", errorMessage: "connect ECONNREFUSED 127.0.0.1:9" })).toBe(
      "connection failed",
    );
    expect(describeTestFailure({ ok: false, durationMs: 1, errorClass: "dns", errorMessage: "getaddrinfo ENOTFOUND x" })).toBe("dns lookup failed");
    expect(
      describeTestFailure({
        ok: false,
        durationMs: 1,
        errorClass: "ssrf_blocked",
        errorMessage: "blocked: 10.0.0.1 is not a public address (private). An operator can allow it: …",
      }),
    ).toBe("10.0.0.1 is not a public address (private). An operator can allow it: …");
    expect(describeTestFailure({ ok: false, durationMs: 1, errorClass: "something_newer" })).toBe("something_newer");
    expect(describeTestFailure({ ok: false, durationMs: 1 })).toBe("unknown error");
  });
});
