import { describe, expect, it } from "vitest";
import { authorizationClash, CUSTOM_HEADERS_MAX, RESERVED_HEADERS, ZCustomHeaders } from "@/lib/validation/custom-headers";

const issues = (value: unknown) => {
  const parsed = ZCustomHeaders.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("ZCustomHeaders", () => {
  it("takes names and values as HTTP allows them, trimmed, plain by default", () => {
    expect(
      ZCustomHeaders.parse([
        { name: " X-Api-Key ", value: " abc 123 " },
        { name: "X-Tenant", value: "t1", isSecret: true },
      ]),
    ).toEqual([
      { name: "X-Api-Key", value: "abc 123", isSecret: false },
      { name: "X-Tenant", value: "t1", isSecret: true },
    ]);
    // A secret may come without its value (the stored one stays); a plain one may not.
    expect(issues([{ name: "X-Secret", isSecret: true }])).toEqual([]);
    expect(issues([{ name: "X-Plain" }])).toEqual([{ path: "0.value", message: "Enter a value for X-Plain" }]);
  });

  it("refuses every name Hookline or the connection sets, whatever its case", () => {
    for (const name of [...RESERVED_HEADERS, "Content-Type", "SIGNATURE", "Webhook-Signature", "X-Twenty-Webhook-Nonce", "Transfer-Encoding", "Host"]) {
      expect(issues([{ name, value: "x" }]), name).toEqual([
        { path: "0.name", message: `${name} is set by Hookline itself (or by the connection): pick another name` },
      ]);
    }
  });

  it("refuses what is not header syntax: CR/LF, controls, spaces or colons in names", () => {
    expect(issues([{ name: "X-Evil", value: "a\r\nX-Injected: 1" }])).toEqual([
      { path: "0.value", message: "The value of X-Evil must be printable characters on one line (no line breaks or control characters)" },
    ]);
    expect(issues([{ name: "X-Nul", value: "a\u0000b" }])[0]?.path).toBe("0.value");
    expect(issues([{ name: "X-Ü", value: "é" }]).map((i) => i.path)).toEqual(["0.name", "0.value"]);
    for (const name of ["X Api", "X:Api", "", "X\nY"]) expect(issues([{ name, value: "v" }])[0]?.path, JSON.stringify(name)).toBe("0.name");
    expect(issues([{ name: "X-Long", value: "v".repeat(2_001) }])[0]?.message).toBe("The value of X-Long must be at most 2000 characters");
  });

  it("refuses a name twice (any case), more than the limit, and anything but a list", () => {
    expect(
      issues([
        { name: "X-A", value: "1" },
        { name: "x-a", value: "2" },
      ]),
    ).toEqual([{ path: "1.name", message: "x-a is listed twice" }]);
    const many = Array.from({ length: CUSTOM_HEADERS_MAX + 1 }, (_, i) => ({ name: `X-${i}`, value: "v" }));
    expect(issues(many)).toEqual([{ path: "", message: `At most ${CUSTOM_HEADERS_MAX} headers` }]);
    expect(issues({ "X-A": "1" })[0]?.message).toBe("headers must be a list of { name, value, isSecret }");
    expect(issues([{ name: "X-A", value: "1", extra: true }])[0]?.path).toBe("0");
  });

  it("Authorization is the webhook's own when it has basic auth", () => {
    expect(authorizationClash([{ name: "X-A" }, { name: "authorization" }], true)).toBe(1);
    expect(authorizationClash([{ name: "Authorization" }], false)).toBe(-1);
  });
});
