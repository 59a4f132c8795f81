import { describe, expect, it } from "vitest";
import { basicAuthHeader, buildHeaders, envelope, maskHeaders } from "@/lib/delivery/build-request";

const now = new Date("2026-11-24T12:00:00Z");

describe("the request", () => {
  const input = { deliveryId: "6f1c9f5e-2b7a-4c43-9b1e-2f8a3d4c5b6a", eventType: "deals.created", body: '{"a":1}', tokens: ["whsec_dGVzdA=="], sentAt: now };
  it("carries Teamwork's and Standard Webhooks' headers, and basic auth only when a user is set", () => {
    const headers = buildHeaders(input);
    expect(headers).toMatchObject({
      "Content-Type": "application/json",
      Event: "deals.created",
      Delivery: input.deliveryId,
      "webhook-id": input.deliveryId,
      "webhook-timestamp": String(now.getTime() / 1000),
    });
    expect(headers["User-Agent"]).toMatch(/^Hookline-Webhooks\/\d+\.\d+\.\d+/);
    expect(headers.Authorization).toBeUndefined();
    expect(buildHeaders({ ...input, httpUser: "u", httpPassword: "p" }).Authorization).toBe(basicAuthHeader("u", "p"));
    expect(basicAuthHeader("u", "p")).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
  });
  it("sends the chosen signature families, with a new Twenty nonce on every attempt", () => {
    const all = buildHeaders(input);
    expect(all["X-Twenty-Webhook-Timestamp"]).toBe(String(now.getTime()));
    expect(all["X-Twenty-Webhook-Nonce"]).toMatch(/^[0-9a-f]{32}$/);
    expect(buildHeaders(input)["X-Twenty-Webhook-Nonce"]).not.toBe(all["X-Twenty-Webhook-Nonce"]);
    const onlyTwenty = buildHeaders({ ...input, signatureFamilies: ["twenty"] });
    expect(onlyTwenty).not.toHaveProperty("Signature");
    expect(onlyTwenty).not.toHaveProperty("webhook-signature");
    expect(onlyTwenty).toHaveProperty("X-Twenty-Webhook-Signature");
    expect(onlyTwenty).toMatchObject({ Event: "deals.created", Delivery: input.deliveryId });
  });
  it("masks the basic-auth secret in what is stored", () => {
    const masked = maskHeaders(buildHeaders({ ...input, httpUser: "u", httpPassword: "secret-pw" }));
    expect(JSON.stringify(masked)).not.toContain(Buffer.from("u:secret-pw").toString("base64"));
    expect(masked.Authorization).toBe("Basic ••••••");
  });
  it("wraps the event in Twenty's envelope", () => {
    const body = envelope({ id: "e1", type: "post_task", occurredAt: now, projectId: "333", payload: { task: 1 } });
    expect(JSON.parse(body)).toEqual({ id: "e1", event: "post_task", timestamp: now.toISOString(), projectId: "333", data: { task: 1 } });
  });
});
