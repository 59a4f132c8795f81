import { describe, expect, it } from "vitest";
import { ZPublishEvent } from "@/lib/validation/event";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("published events", () => {
  it("accepts any JSON as data, defaulting to {}", () => {
    expect(ZPublishEvent.parse({ event: "deals.created" })).toEqual({ event: "deals.created", data: {} });
    expect(ZPublishEvent.parse({ event: "a", data: [1, "x", null, { y: true }], projectId: null }).data).toEqual([1, "x", null, { y: true }]);
  });
  it("refuses what is not JSON, a missing event, a bad project id and unknown fields", () => {
    expect(messages(ZPublishEvent.safeParse({ event: "a", data: { when: new Date() } }))[0]).toMatch(/^data: data must be plain JSON/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", data: Number.NaN }))[0]).toMatch(/^data:/);
    expect(messages(ZPublishEvent.safeParse({ data: {} }))).toEqual(["event: Name the event type"]);
    expect(messages(ZPublishEvent.safeParse({ event: "a", projectId: "no spaces" }))[0]).toMatch(/^projectId:/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", idempotencyKey: "k".repeat(201) }))[0]).toMatch(/^idempotencyKey:/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", extra: 1 }))[0]).toMatch(/Unrecognized key/);
  });
});
