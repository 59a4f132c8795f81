import { describe, expect, it } from "vitest";
import { grantsAny, parseScopeString, SCOPE_DESCRIPTIONS, SCOPES, ZScopes } from "@/lib/validation/scopes";

describe("scopes", () => {
  it("administrative grants everything; a scope grants itself; write includes read of the same resource only", () => {
    for (const needed of SCOPES) expect(grantsAny(["administrative"], [needed])).toBe(true);
    expect(grantsAny(["events:publish"], ["events:publish"])).toBe(true);
    expect(grantsAny(["events:publish"], ["webhooks:read"])).toBe(false);
    expect(grantsAny(["webhooks:write"], ["webhooks:read"])).toBe(true);
    expect(grantsAny(["webhooks:read"], ["webhooks:write"])).toBe(false);
    expect(grantsAny(["deliveries:write"], ["deliveries:read"])).toBe(true);
    expect(grantsAny(["deliveries:write"], ["webhooks:read"])).toBe(false);
    expect(grantsAny(["webhooks:write", "deliveries:write"], ["administrative"])).toBe(false);
    expect(grantsAny([], ["events:publish"])).toBe(false);
    expect(grantsAny(["webhooks:read"], ["events:publish", "webhooks:read"])).toBe(true);
  });

  it("a list of scopes: at least one, known names only, repeats dropped, catalog order", () => {
    expect(ZScopes.parse(["deliveries:read", "events:publish", "deliveries:read"])).toEqual(["events:publish", "deliveries:read"]);
    expect(ZScopes.safeParse([]).error?.issues[0]?.message).toBe("Pick at least one scope");
    expect(ZScopes.safeParse(["admin"]).error?.issues[0]?.message).toContain("Unknown scope");
    expect(ZScopes.safeParse("administrative").success).toBe(false);
  });

  it("OAuth's space-separated form: known names or nothing", () => {
    expect(parseScopeString("webhooks:read  events:publish")).toEqual(["events:publish", "webhooks:read"]);
    expect(parseScopeString("")).toEqual([]);
    expect(parseScopeString("webhooks:read root")).toBeNull();
  });

  it("every scope is described for the pickers and the OpenAPI document", () => {
    for (const scope of SCOPES) expect(SCOPE_DESCRIPTIONS[scope].length).toBeGreaterThan(10);
  });
});
