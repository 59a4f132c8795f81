import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isHashMatch, withoutHashParam, worksectionHash } from "@/lib/crypto/worksection-hash";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("Worksection's hash", () => {
  it("is md5 of the query parameters followed by the key, as Worksection's docs write it in PHP", () => {
    // md5($query_params.$apikey) with query_params = "action=get_webhooks"
    expect(worksectionHash("action=get_webhooks", "0123456789abcdef0123456789abcdef")).toBe(md5("action=get_webhooks0123456789abcdef0123456789abcdef"));
    expect(worksectionHash("action=get_webhooks", "k")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("signs the query as sent without its hash parameter: order, case and encoding untouched", () => {
    expect(withoutHashParam("action=get_webhooks&hash=abc")).toBe("action=get_webhooks");
    expect(withoutHashParam("hash=abc&action=get_webhooks")).toBe("action=get_webhooks");
    expect(withoutHashParam("url=http%3A%2F%2Fa.test%2F&hash=abc&events=post_task,close_task")).toBe("url=http%3A%2F%2Fa.test%2F&events=post_task,close_task");
    expect(withoutHashParam("b=2&a=1&A=3")).toBe("b=2&a=1&A=3");
    // An encoded name is still the hash parameter; a name that merely starts with it is not.
    expect(withoutHashParam("action=x&h%61sh=abc")).toBe("action=x");
    expect(withoutHashParam("action=x&hashes=1&hash")).toBe("action=x&hashes=1");
    expect(withoutHashParam("")).toBe("");
    expect(withoutHashParam("%E0%A4%A=1&hash=x")).toBe("%E0%A4%A=1");
  });

  it("compares a client's hash in any case of hex, and refuses a missing, short or wrong one", () => {
    const expected = md5("x");
    expect(isHashMatch(expected, expected)).toBe(true);
    expect(isHashMatch(expected.toUpperCase(), expected)).toBe(true);
    expect(isHashMatch(null, expected)).toBe(false);
    expect(isHashMatch("", expected)).toBe(false);
    expect(isHashMatch(expected.slice(1), expected)).toBe(false);
    expect(isHashMatch(`${expected}0`, expected)).toBe(false);
    expect(isHashMatch(md5("y"), expected)).toBe(false);
    // A non-hex string of the right length is not mistaken for the expected value.
    expect(isHashMatch("z".repeat(32), expected)).toBe(false);
  });
});
