import { describe, expect, it } from "vitest";
import { headersChange, headersDto, openHeaders, sealHeaders, storedHeaders } from "@/lib/delivery/custom-headers";

describe("custom headers as stored", () => {
  it("seals secret values (never kept in plaintext), keeps plain ones as they are, and opens both to send", () => {
    const stored = sealHeaders(
      [
        { name: "X-Tenant", value: "acme", isSecret: false },
        { name: "X-Api-Key", value: "s3cret-value", isSecret: true },
      ],
      [],
    );
    expect(stored[0]).toEqual({ name: "X-Tenant", value: "acme" });
    expect(JSON.stringify(stored)).not.toContain("s3cret-value");
    expect(openHeaders(stored)).toEqual([
      { name: "X-Tenant", value: "acme", isSecret: false },
      { name: "X-Api-Key", value: "s3cret-value", isSecret: true },
    ]);
    expect(headersDto(stored)).toEqual([
      { name: "X-Tenant", value: "acme", isSecret: false },
      { name: "X-Api-Key", value: null, isSecret: true },
    ]);
  });

  it("a secret sent without a value keeps the stored one (by name, any case); with no stored secret it is refused", () => {
    const before = sealHeaders([{ name: "X-Api-Key", value: "kept", isSecret: true }], []);
    const after = sealHeaders([{ name: "x-api-key", isSecret: true }], before);
    expect(openHeaders(after)).toEqual([{ name: "x-api-key", value: "kept", isSecret: true }]);
    expect(() => sealHeaders([{ name: "X-New", isSecret: true }], before)).toThrow("Enter a value for X-New");
    expect(() => sealHeaders([{ name: "X-Api-Key", isSecret: true }], [{ name: "X-Api-Key", value: "plain" }])).toThrow(/Enter a value/);
  });

  it("reads a column that is not a list of headers as none", () => {
    expect(storedHeaders(null)).toEqual([]);
    expect(storedHeaders([{ name: "X-A", value: "1" }, { name: 5 }, "x"])).toEqual([{ name: "X-A", value: "1" }]);
  });

  it("says what an edit changed without a secret's value: the lists, or only that a secret changed", () => {
    const a = sealHeaders([{ name: "X-Key", value: "one", isSecret: true }], []);
    const b = sealHeaders([{ name: "X-Key", value: "two", isSecret: true }], []);
    expect(headersChange(a, a)).toBeNull();
    expect(headersChange(a, b)).toBe("changed");
    expect(headersChange([], [...a, { name: "X-T", value: "t" }])).toEqual({ from: [], to: ["X-Key: ••••••", "X-T: t"] });
  });
});
