import { describe, expect, it } from "vitest";
import { basicAuthHeader, buildHeaders, envelope, maskHeaders } from "@/lib/delivery/build-request";
import { nextAttemptAt, parseRetryAfter } from "@/lib/delivery/schedule-retry";

const MIN = 60_000;
const now = new Date("2026-11-24T12:00:00Z");
const schedule = [1 * MIN, 5 * MIN, 10 * MIN];

describe("nextAttemptAt", () => {
  it("follows the schedule after each failed attempt, then gives up", () => {
    const at = (attemptCount: number) => nextAttemptAt({ attemptCount, schedule, statusCode: 500, now })?.getTime() ?? null;
    expect([at(1), at(2), at(3), at(4)]).toEqual([now.getTime() + MIN, now.getTime() + 5 * MIN, now.getTime() + 10 * MIN, null]);
  });
  it("stops at once on 410 Gone", () => {
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 410, now })).toBeNull();
  });
  it("honours Retry-After only on 429 and 503, within the longest wait", () => {
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 429, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + 30_000);
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 503, retryAfter: "99999", now })?.getTime()).toBe(now.getTime() + 10 * MIN);
    expect(nextAttemptAt({ attemptCount: 1, schedule, statusCode: 500, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + MIN);
    expect(nextAttemptAt({ attemptCount: 3, schedule, statusCode: 429, retryAfter: "30", now })?.getTime()).toBe(now.getTime() + 30_000);
    expect(nextAttemptAt({ attemptCount: 4, schedule, statusCode: 429, retryAfter: "30", now })).toBeNull();
  });
  it("reads Retry-After as seconds or an HTTP date, and ignores anything else", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 12:02:00 GMT", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

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
