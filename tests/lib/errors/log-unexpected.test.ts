import { afterEach, describe, expect, it, vi } from "vitest";
import { logUnexpected, redactSecrets, SECRET_PARAMS } from "@/lib/errors/log-unexpected";

const SECRET = "hlo_at_5f2c0e9a71b34d8e";

describe("redactSecrets", () => {
  it.each(SECRET_PARAMS)("cuts the value of %s out of a query, a form body and a quoted URL", (name) => {
    for (const text of [`/api/oauth2?action=get_webhooks&${name}=${SECRET}`, `${name}=${SECRET}&x=1`, `input: 'http://h/p?${name}=${SECRET}#f'`]) {
      const out = redactSecrets(text);
      expect(out).not.toContain(SECRET);
      expect(out).toContain(`${name}=[redacted]`);
    }
  });

  it("catches upper case and a percent-encoded underscore, and leaves other parameters alone", () => {
    expect(redactSecrets(`?ACCESS_TOKEN=${SECRET}&Access%5ftoken=${SECRET}&action=get_webhooks`)).toBe(
      "?ACCESS_TOKEN=[redacted]&Access%5ftoken=[redacted]&action=get_webhooks",
    );
    expect(redactSecrets("?mytoken=keep&page=2")).toBe("?mytoken=keep&page=2");
  });
});

describe("logUnexpected", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes the stack and the error's own properties, with a URL's access_token cut out", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    let error: unknown;
    try {
      // Node keeps the whole input on ERR_INVALID_URL, where a plain console.error(error) prints it.
      new URL(`http://bad host/api/oauth2?action=get_webhooks&access_token=${SECRET}`);
    } catch (e) {
      error = e;
    }
    logUnexpected("unhandled error in a direct route", error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[hookline] unhandled error in a direct route: TypeError");
    expect(lines[0]).toContain("ERR_INVALID_URL");
    expect(lines[0]).toContain("access_token=[redacted]");
    expect(lines[0]).not.toContain(SECRET);
  });

  it("follows an error's cause", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    logUnexpected("x", new Error("outer", { cause: new Error(`inner at /api/oauth2?access_token=${SECRET}`) }));
    expect(lines[0]).toContain("inner at /api/oauth2?access_token=[redacted]");
    expect(lines[0]).not.toContain(SECRET);
  });
});
