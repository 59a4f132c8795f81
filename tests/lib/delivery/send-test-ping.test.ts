import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMPTY_ALLOW_LIST } from "@/lib/config/allow-list";
import { SNIPPET_BYTES, sendTestPing } from "@/lib/delivery/send-test-ping";
import { standardSignature, twentySignature } from "@/lib/delivery/sign-payload";
import { TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";

const OPTIONS = { allow: TEST_CONFIG.allow, timeoutMs: 2_000 };

describe("sendTestPing", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let answer = { status: 200, body: "pong" };
  beforeEach(async () => {
    answer = { status: 200, body: "pong" };
    receiver = await startReceiver((_q, res) => {
      res.writeHead(answer.status);
      res.end(answer.body);
    });
  });
  afterEach(() => receiver.close());

  it("sends a signed ping envelope and reports the answer", async () => {
    const result = await sendTestPing({ url: `${receiver.url}/hook`, tokens: ["tok-current"], webhookId: "wh-1", httpUser: "u", httpPassword: "p" }, OPTIONS);
    expect(result).toEqual({ ok: true, status: 200, durationMs: expect.any(Number), responseSnippet: "pong" });
    expect(receiver.received).toHaveLength(1);
    const req = receiver.received[0];
    expect(req?.url).toBe("/hook");
    expect(req?.method).toBe("POST");
    const body = JSON.parse(req?.body ?? "");
    expect(body).toEqual({
      id: expect.any(String),
      event: "ping",
      timestamp: expect.any(String),
      projectId: null,
      data: { webhookId: "wh-1", message: "Test delivery from Hookline" },
    });
    expect(req?.headers).toMatchObject({
      event: "ping",
      delivery: body.id,
      "webhook-id": body.id,
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from("u:p").toString("base64")}`,
      signature: createHmac("sha256", "tok-current")
        .update(req?.body ?? "")
        .digest("hex"),
    });
    expect(req?.headers["webhook-signature"]).toBe(standardSignature("tok-current", body.id, Number(req?.headers["webhook-timestamp"]), req?.body ?? ""));
  });

  it("signs with every token during a rotation, and leaves webhookId null for an unsaved webhook", async () => {
    await sendTestPing({ url: receiver.url, tokens: ["new-token", "old-token"] }, OPTIONS);
    const req = receiver.received[0];
    expect(JSON.parse(req?.body ?? "").data.webhookId).toBeNull();
    expect(req?.headers.authorization).toBeUndefined();
    expect(String(req?.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  });

  it("signs with the webhook's families only, Twenty's over `<ms>:<body>`", async () => {
    await sendTestPing({ url: receiver.url, tokens: ["tok-current"], signatureFamilies: ["twenty"] }, OPTIONS);
    const req = receiver.received[0];
    expect(req?.headers).not.toHaveProperty("signature");
    expect(req?.headers).not.toHaveProperty("webhook-signature");
    expect(req?.headers["x-twenty-webhook-signature"]).toBe(
      twentySignature("tok-current", String(req?.headers["x-twenty-webhook-timestamp"]), req?.body ?? ""),
    );
  });

  it("a non-2xx answer is not ok, with its status, error and a snippet capped at SNIPPET_BYTES", async () => {
    answer = { status: 500, body: "e".repeat(SNIPPET_BYTES * 3) };
    const result = await sendTestPing({ url: receiver.url, tokens: ["t"] }, OPTIONS);
    expect(result).toEqual({
      ok: false,
      status: 500,
      durationMs: expect.any(Number),
      errorClass: "http_status",
      errorMessage: "HTTP 500",
      responseSnippet: "e".repeat(SNIPPET_BYTES),
    });
  });

  it("a receiver that is not listening: a connect error, no status and no snippet", async () => {
    const url = receiver.url;
    await receiver.close();
    const result = await sendTestPing({ url, tokens: ["t"] }, OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.errorClass).toBe("connect");
    expect(result).not.toHaveProperty("status");
    expect(result).not.toHaveProperty("responseSnippet");
  });

  it("a target outside the allow-list is refused before anything is sent", async () => {
    const result = await sendTestPing({ url: receiver.url, tokens: ["t"] }, { allow: EMPTY_ALLOW_LIST, timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: false, errorClass: "ssrf_blocked" });
    expect(result).not.toHaveProperty("status");
    expect(receiver.received).toHaveLength(0);
    expect(receiver.connections()).toBe(0);
  });
});
