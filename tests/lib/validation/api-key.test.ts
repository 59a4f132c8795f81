import { describe, expect, it } from "vitest";
import { ZApiKeyCreate } from "@/lib/validation/api-key";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("API keys", () => {
  it("needs a name of at most 100 characters", () => {
    expect(messages(ZApiKeyCreate.safeParse({ name: "" }))).toEqual(["name: Name the key"]);
    expect(messages(ZApiKeyCreate.safeParse({ name: "k".repeat(101) }))).toEqual(["name: Name must be at most 100 characters"]);
    expect(ZApiKeyCreate.parse({ name: " host " })).toEqual({ name: "host" });
  });
});
