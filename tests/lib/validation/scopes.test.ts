import { describe, expect, it } from "vitest";
import {
  grantsAny,
  knownScopes,
  parseScopeString,
  requestedScopes,
  SCOPE_DESCRIPTIONS,
  SCOPES,
  scopesGranting,
  WORKSPACE_SCOPES,
  ZScopes,
} from "@/lib/validation/scopes";

describe("scopes", () => {
  it("scopesGranting lists every scope that alone would do: the scope, its write, administrative (and operator for publishing)", () => {
    expect(scopesGranting(["webhooks:read"])).toEqual(["webhooks:read", "webhooks:write", "administrative"]);
    expect(scopesGranting(["deliveries:write"])).toEqual(["deliveries:write", "administrative"]);
    expect(scopesGranting(["events:publish", "deliveries:read"])).toEqual([
      "events:publish",
      "deliveries:read",
      "deliveries:write",
      "administrative",
      "operator",
    ]);
    expect(scopesGranting(["events:publish"])).toEqual(["events:publish", "administrative", "operator"]);
    expect(scopesGranting(["operator"])).toEqual(["operator"]);
    for (const needed of SCOPES) for (const s of scopesGranting([needed])) expect(grantsAny([s], [needed])).toBe(true);
  });

  it("administrative grants everything in a workspace; a scope grants itself; write includes read of the same resource only", () => {
    expect(WORKSPACE_SCOPES).toEqual(SCOPES.filter((s) => s !== "operator"));
    for (const needed of WORKSPACE_SCOPES) expect(grantsAny(["administrative"], [needed])).toBe(true);
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

  it("operator is the installation's: administrative does not include it; it includes publishing and nothing else of a workspace's", () => {
    expect(grantsAny(["administrative"], ["operator"])).toBe(false);
    expect(grantsAny(["administrative", "webhooks:write"], ["operator"])).toBe(false);
    expect(grantsAny(["administrative"], ["operator", "webhooks:read"])).toBe(true);
    expect(grantsAny(["operator"], ["operator"])).toBe(true);
    expect(grantsAny(["operator"], ["events:publish"])).toBe(true);
    for (const needed of WORKSPACE_SCOPES.filter((s) => s !== "events:publish")) expect(grantsAny(["operator"], [needed]), needed).toBe(false);
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

  it("stored scopes: known ones only, in catalog order", () => {
    expect(knownScopes(["deliveries:read", "future:scope", "events:publish"])).toEqual(["events:publish", "deliveries:read"]);
    expect(knownScopes([])).toEqual([]);
  });

  it("scopes a client asks for: within what it may have; none asked is all of it; anything else is refused", () => {
    expect(requestedScopes(["webhooks:write"], undefined)).toEqual(["webhooks:write"]);
    expect(requestedScopes(["webhooks:write"], "  ")).toEqual(["webhooks:write"]);
    expect(requestedScopes(["webhooks:write"], "webhooks:read")).toEqual(["webhooks:read"]);
    expect(requestedScopes(["webhooks:write"], "administrative")).toBeNull();
    expect(requestedScopes(["webhooks:write"], "made:up")).toBeNull();
    expect(requestedScopes(["administrative"], "deliveries:write events:publish")).toEqual(["events:publish", "deliveries:write"]);
    expect(requestedScopes(["administrative"], "operator")).toBeNull();
  });
});
