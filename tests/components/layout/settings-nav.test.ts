import { describe, expect, it } from "vitest";
import { activeHref } from "@/components/layout/settings-nav";

const HREFS = ["/settings/webhooks", "/settings/webhooks/deliveries", "/settings/api-keys", "/settings/workspaces"];

describe("activeHref", () => {
  it("marks the item a page belongs to: the longest path it is under", () => {
    expect(activeHref("/settings/webhooks", HREFS)).toBe("/settings/webhooks");
    expect(activeHref("/settings/webhooks/abc/edit", HREFS)).toBe("/settings/webhooks");
    expect(activeHref("/settings/webhooks/deliveries/d1", HREFS)).toBe("/settings/webhooks/deliveries");
    expect(activeHref("/settings/api-keys", HREFS)).toBe("/settings/api-keys");
    expect(activeHref("/settings/api-keysx", HREFS)).toBeNull();
  });

  it("an event's page belongs to Deliveries, where it is reached from, not to Webhooks", () => {
    expect(activeHref("/settings/webhooks/events/e1", HREFS)).toBe("/settings/webhooks/deliveries");
  });
});
