import { describe, expect, it } from "vitest";
import { lastErrorOf, noticeEmail, noticeEventData, noticeLink, type TNoticeInput } from "@/lib/delivery/notices/notice-message";

const base: TNoticeInput = {
  kind: "webhook.disabled",
  workspace: { name: "Acme" },
  webhook: { id: "w1", url: "https://crm.example/hooks", description: "CRM sync" },
  deliveryId: null,
  details: { reason: "Disabled after 10 failed attempts in a row", failures: 10, failureLimit: 10, lastStatusCode: 503, lastErrorClass: "http_status" },
  at: new Date("2026-12-07T14:00:00Z"),
  origin: "https://hooks.example.com",
};

describe("what a notice says", () => {
  it("an email names the webhook, the reason, the last error and links to the webhook", () => {
    const { subject, text } = noticeEmail(base);
    expect(subject).toBe("[Hookline] Webhook disabled: CRM sync");
    expect(text).toContain("Hookline disabled the webhook: Disabled after 10 failed attempts in a row.");
    expect(text).toContain("URL: https://crm.example/hooks");
    expect(text).toContain("Last error: Error status · HTTP 503");
    expect(text).toContain("Open it: https://hooks.example.com/settings/webhooks/w1");
  });

  it("a failed delivery links to the delivery; a webhook without a description is named by its URL", () => {
    const failed = {
      ...base,
      kind: "delivery.failed" as const,
      deliveryId: "d1",
      webhook: { ...base.webhook, description: "" },
      details: { attempts: 4, event: "deals.created", lastErrorClass: "timeout" },
    };
    expect(noticeLink(failed)).toBe("https://hooks.example.com/settings/webhooks/deliveries/d1");
    expect(noticeEmail(failed).subject).toBe("[Hookline] Delivery failed: https://crm.example/hooks");
    expect(noticeEventData(failed)).toMatchObject({
      delivery: { id: "d1", event: "deals.created", attempts: 4 },
      lastError: "Timed out",
      webhook: { id: "w1" },
    });
  });

  it("no last error is no line, not 'No answer'", () => {
    expect(lastErrorOf({})).toBeNull();
    expect(noticeEmail({ ...base, kind: "webhook.recovered", details: {} }).text).not.toContain("Last error");
  });
});

describe("the operational event's data", () => {
  it("is plain JSON: a field the notice does not know is left out, never undefined", () => {
    const data = noticeEventData({ ...base, kind: "delivery.failed", deliveryId: "d1", details: { attempts: 4 } });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data.delivery).toEqual({ id: "d1", attempts: 4 });
  });
});
