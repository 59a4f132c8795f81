import { describe, expect, it } from "vitest";
import { ZEventTypeCreate } from "@/lib/validation/event-type";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("event types", () => {
  it("accepts a host's event type and refuses bad or reserved names", () => {
    expect(ZEventTypeCreate.parse({ name: " invoice.paid ", description: "An invoice was paid", group: "Billing" })).toEqual({
      name: "invoice.paid",
      description: "An invoice was paid",
      group: "Billing",
    });
    const bad = (name: string) => messages(ZEventTypeCreate.safeParse({ name, description: "d", group: "g" }));
    expect(bad("has space")).toEqual(["name: Use letters, digits, dots, dashes and underscores, such as deals.created"]);
    expect(bad(".starts-with-dot")).toHaveLength(1);
    expect(bad("ping")).toEqual(["name: This name is reserved"]);
    expect(bad("*")[0]).toMatch(/^name:/);
    expect(bad("x".repeat(101))).toEqual(["name: Event name must be at most 100 characters"]);
    expect(messages(ZEventTypeCreate.safeParse({ name: "a.b", description: " ", group: "g" }))).toEqual(["description: Describe when the event happens"]);
    expect(messages(ZEventTypeCreate.safeParse({ name: "a.b", description: "d", group: "g", extra: 1 }))[0]).toMatch(/Unrecognized key/);
  });
});
