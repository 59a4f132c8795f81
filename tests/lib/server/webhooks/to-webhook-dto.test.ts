import { describe, expect, it } from "vitest";
import type { Webhook } from "@/lib/generated/prisma/client";
import { toWebhookDto } from "@/lib/server/webhooks/to-webhook-dto";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";

const ROW: Webhook = {
  id: "11111111-1111-4111-8111-111111111111",
  workspaceId: DEFAULT_WORKSPACE_ID,
  url: "http://127.0.0.1:9/dto",
  description: "CRM",
  allEvents: false,
  events: ["deals.created"],
  projects: ["p1"],
  tokenCiphertext: "sealed-token",
  previousTokenCiphertext: "sealed-previous",
  previousTokenExpiresAt: new Date("2026-12-01T00:00:00Z"),
  httpUser: "bob",
  httpPasswordCiphertext: "sealed-password",
  enabled: true,
  consecutiveFailures: 0,
  disabledReason: null,
  disabledAt: null,
  enableError: null,
  enableErrorAt: null,
  lastSuccessAt: null,
  lastFailureAt: null,
  lastFailureStatusCode: null,
  lastFailureErrorClass: null,
  autoRecover: false,
  customHeaders: [],
  ordered: false,
  orderingKey: null,
  filter: null,
  nextProbeAt: null,
  recoveryProbes: 0,
  lastProbeAt: null,
  lastProbeResult: null,
  lastDeliveryAt: new Date("2026-11-30T09:00:00Z"),
  maxInFlight: 16,
  rateLimitPerSecond: 4,
  signatureFamilies: ["twenty", "teamwork"],
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-02T00:00:00Z"),
};

describe("toWebhookDto", () => {
  it("shows the webhook without its secrets, only whether a password is set", () => {
    const dto = toWebhookDto(ROW, 7, new Date("2026-11-30T12:00:00Z"));
    expect(dto).toEqual({
      id: ROW.id,
      url: "http://127.0.0.1:9/dto",
      description: "CRM",
      events: ["deals.created"],
      projects: ["p1"],
      httpUser: "bob",
      hasHttpPassword: true,
      enabled: true,
      status: "working",
      consecutiveFailures: 0,
      failureLimit: 7,
      disabledReason: null,
      enableError: null,
      previousTokenExpiresAt: "2026-12-01T00:00:00.000Z",
      maxInFlight: 16,
      rateLimitPerSecond: 4,
      // In the one canonical order, whatever order the row holds.
      signatureFamilies: ["teamwork", "twenty"],
      lastDeliveryAt: "2026-11-30T09:00:00.000Z",
      autoRecover: false,
      headers: [],
      filter: null,
      ordered: false,
      orderingKey: null,
      recovery: { nextProbeAt: null, probes: 0, lastProbeAt: null, lastProbeResult: null },
      createdAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-02T00:00:00.000Z",
    });
    expect(JSON.stringify(dto)).not.toContain("sealed");
  });

  it("shows automatic recovery's progress: the next probe, how many, the last one's result", () => {
    const at = new Date("2026-12-07T10:00:00Z");
    const dto = toWebhookDto(
      { ...ROW, enabled: false, autoRecover: true, nextProbeAt: at, recoveryProbes: 2, lastProbeAt: at, lastProbeResult: "timed out" },
      10,
    );
    expect(dto).toMatchObject({
      autoRecover: true,
      recovery: { nextProbeAt: "2026-12-07T10:00:00.000Z", probes: 2, lastProbeAt: "2026-12-07T10:00:00.000Z", lastProbeResult: "timed out" },
    });
  });

  it("reads a row with no known signature family as all of them, so nothing goes out unsigned", () => {
    expect(toWebhookDto({ ...ROW, signatureFamilies: [] }, 10).signatureFamilies).toEqual(["teamwork", "standard-webhooks", "twenty"]);
    expect(toWebhookDto({ ...ROW, signatureFamilies: ["hmac"] }, 10).signatureFamilies).toEqual(["teamwork", "standard-webhooks", "twenty"]);
  });

  it('says all events as ["*"], and the status from enabled and failures', () => {
    expect(toWebhookDto({ ...ROW, allEvents: true, events: [] }, 10).events).toEqual(["*"]);
    expect(toWebhookDto({ ...ROW, consecutiveFailures: 2 }, 10).status).toBe("failing");
    const off = toWebhookDto(
      {
        ...ROW,
        enabled: false,
        consecutiveFailures: 10,
        disabledReason: "10 consecutive failed deliveries",
        httpPasswordCiphertext: null,
        lastDeliveryAt: null,
      },
      10,
    );
    expect(off).toMatchObject({ status: "disabled", disabledReason: "10 consecutive failed deliveries", hasHttpPassword: false, lastDeliveryAt: null });
  });

  it("shows a failed enable with when it happened, and the previous token's expiry only until it passes", () => {
    const at = new Date("2026-11-30T10:00:00Z");
    const failed = toWebhookDto({ ...ROW, enabled: false, enableError: "Not enabled: the test delivery failed (dns: …)", enableErrorAt: at }, 5);
    expect(failed.enableError).toEqual({ message: "Not enabled: the test delivery failed (dns: …)", at: "2026-11-30T10:00:00.000Z" });
    expect(toWebhookDto(ROW, 5, new Date("2026-12-01T00:00:01Z")).previousTokenExpiresAt).toBeNull();
    expect(toWebhookDto({ ...ROW, previousTokenExpiresAt: null }, 5).previousTokenExpiresAt).toBeNull();
  });
});
