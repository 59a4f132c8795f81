import { describe, expect, it } from "vitest";
import { ZApiKeyCreate } from "@/lib/validation/api-key";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("API keys", () => {
  it("needs a name of at most 100 characters", () => {
    expect(messages(ZApiKeyCreate.safeParse({ name: "" }))).toEqual(["name: Name the key"]);
    expect(messages(ZApiKeyCreate.safeParse({ name: "k".repeat(101) }))).toEqual(["name: Name must be at most 100 characters"]);
    expect(ZApiKeyCreate.parse({ name: " host " })).toEqual({ name: "host", scopes: ["administrative"] });
  });

  it("takes the scopes picked (left out: administrative, as every key was before scopes), naming the field when bad", () => {
    expect(ZApiKeyCreate.parse({ name: "h", scopes: ["events:publish"] }).scopes).toEqual(["events:publish"]);
    expect(messages(ZApiKeyCreate.safeParse({ name: "h", scopes: [] }))).toEqual(["scopes: Pick at least one scope"]);
    expect(messages(ZApiKeyCreate.safeParse({ name: "h", scopes: ["root"] }))[0]).toMatch(/^scopes\.0: Unknown scope/);
    expect(messages(ZApiKeyCreate.safeParse({ name: "h", extra: 1 }))[0]).toMatch(/^: /);
  });
});
