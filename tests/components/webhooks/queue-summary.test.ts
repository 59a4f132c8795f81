import { describe, expect, it } from "vitest";
import { heldBackText, queueText } from "@/components/webhooks/queue-summary";
import type { TWebhookQueue } from "@/lib/validation/delivery";

const queue = (patch: Partial<TWebhookQueue>) => ({ queued: 12, scheduled: 3, inFlight: 16, maxInFlight: 16, heldBack: null, ...patch }) as TWebhookQueue;

describe("the queue line", () => {
  it("counts queued, in flight and scheduled retries of an enabled webhook", () => {
    expect(queueText(queue({}))).toBe("12 queued · 16 in flight of 16 · 3 retries scheduled");
    expect(queueText(queue({ scheduled: 0 }))).toBe("12 queued · 16 in flight of 16");
  });

  it("calls a disabled webhook's deliveries parked, never scheduled", () => {
    const parked = queue({ heldBack: "disabled", inFlight: 0 });
    expect(queueText(parked)).toBe("15 deliveries parked · 0 in flight of 16");
    expect(queueText(queue({ heldBack: "disabled", queued: 1, scheduled: 0, inFlight: 0 }))).toBe("1 delivery parked · 0 in flight of 16");
    expect(heldBackText(parked)).toBe("Parked: the webhook is disabled; enabling it sends them");
  });
});
