import { describe, expect, it } from "vitest";
import { deliveryConfig } from "@/lib/delivery/config";
import type { Attempt, Delivery } from "@/lib/generated/prisma/client";
import { toAttemptDto, toDeliveryDto } from "@/lib/server/deliveries/to-delivery-dto";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";

const ON = { enabled: true };
const DELIVERY: Delivery = {
  workspaceId: DEFAULT_WORKSPACE_ID,
  id: "11111111-1111-4111-8111-111111111111",
  webhookId: "22222222-2222-4222-8222-222222222222",
  eventId: "33333333-3333-4333-8333-333333333333",
  status: "pending",
  attemptCount: 2,
  nextAttemptAt: new Date("2026-11-30T10:05:00Z"),
  leaseOwner: "worker-1",
  leaseExpiresAt: new Date("2026-11-30T10:06:00Z"),
  claimedAt: new Date("2026-11-30T10:00:00Z"),
  orderKey: null,
  orderSeq: null,
  lastStatusCode: 503,
  lastErrorClass: "http_status",
  createdAt: new Date("2026-11-30T09:00:00Z"),
  completedAt: null,
};

describe("toDeliveryDto and toAttemptDto", () => {
  it("shows a delivery with its event's type and project; the next attempt only while pending", () => {
    const event = { type: "deals.created", projectId: "p1" };
    expect(toDeliveryDto({ ...DELIVERY, event, webhook: ON })).toEqual({
      id: DELIVERY.id,
      webhookId: DELIVERY.webhookId,
      eventId: DELIVERY.eventId,
      event: "deals.created",
      projectId: "p1",
      status: "pending",
      attemptCount: 2,
      nextAttemptAt: "2026-11-30T10:05:00.000Z",
      isParked: false,
      // The first attempt and one per step of the retry schedule (the default's length, plus one).
      maxAttempts: deliveryConfig().retrySchedule.length + 1,
      lastStatusCode: 503,
      lastDurationMs: null, // no attempts read
      lastErrorClass: "http_status",
      createdAt: "2026-11-30T09:00:00.000Z",
      completedAt: null,
    });
    const done = toDeliveryDto({
      ...DELIVERY,
      status: "succeeded",
      completedAt: new Date("2026-11-30T10:05:01Z"),
      event: { type: "x", projectId: null },
      webhook: ON,
    });
    expect(done).toMatchObject({ status: "succeeded", nextAttemptAt: null, completedAt: "2026-11-30T10:05:01.000Z", projectId: null });
    expect(toDeliveryDto({ ...DELIVERY, status: "in_flight", event, webhook: ON }).nextAttemptAt).toBeNull();
    expect(deliveryConfig().retrySchedule.length).toBeGreaterThan(0);
    // The last attempt's duration, whatever order the attempts come in.
    const attempts = [
      { number: 1, durationMs: 30 },
      { number: 3, durationMs: 120 },
      { number: 2, durationMs: 80 },
    ];
    expect(toDeliveryDto({ ...DELIVERY, event, webhook: ON, attempts }).lastDurationMs).toBe(120);
    expect(Object.keys(toDeliveryDto({ ...DELIVERY, event, webhook: ON }))).not.toContain("leaseOwner");
  });

  it("a pending delivery of a disabled webhook is parked; a finished or in-flight one is not", () => {
    const event = { type: "deals.created", projectId: null };
    const off = { enabled: false };
    expect(toDeliveryDto({ ...DELIVERY, event, webhook: off })).toMatchObject({ isParked: true, status: "pending" });
    expect(toDeliveryDto({ ...DELIVERY, status: "failed", event, webhook: off }).isParked).toBe(false);
    expect(toDeliveryDto({ ...DELIVERY, status: "in_flight", event, webhook: off }).isParked).toBe(false);
    expect(toDeliveryDto({ ...DELIVERY, event, webhook: ON }).isParked).toBe(false);
  });

  it("shows an attempt, with no response headers as null", () => {
    const attempt: Attempt = {
      id: "44444444-4444-4444-8444-444444444444",
      deliveryId: DELIVERY.id,
      number: 1,
      trigger: "auto",
      startedAt: new Date("2026-11-30T10:00:00Z"),
      durationMs: 42,
      requestHeaders: { Event: "deals.created", Authorization: "Basic ••••••" },
      statusCode: null,
      responseHeaders: null,
      responseBody: null,
      isBodyTruncated: false,
      errorClass: "timeout",
      errorMessage: "no answer in 2000 ms",
      isLate: false,
    };
    expect(toAttemptDto(attempt)).toEqual({
      number: 1,
      trigger: "auto",
      startedAt: "2026-11-30T10:00:00.000Z",
      durationMs: 42,
      statusCode: null,
      errorClass: "timeout",
      errorMessage: "no answer in 2000 ms",
      requestHeaders: { Event: "deals.created", Authorization: "Basic ••••••" },
      responseHeaders: null,
      responseBody: null,
      isBodyTruncated: false,
      isLate: false,
    });
    expect(toAttemptDto({ ...attempt, isLate: true }).isLate).toBe(true);
    expect(toAttemptDto({ ...attempt, statusCode: 200, responseHeaders: { "content-type": "text/plain" }, responseBody: "ok" })).toMatchObject({
      statusCode: 200,
      responseHeaders: { "content-type": "text/plain" },
      responseBody: "ok",
    });
  });
});
