import { describe, expect, it } from "vitest";
import { cookieValue, issueDeviceToken, verifiedDeviceId } from "@/lib/auth/device-cookie";

const SECRET = "s".repeat(40);

describe("device tokens", () => {
  it("verify for the email and secret they were issued with, and only those", () => {
    const token = issueDeviceToken("owner@example.com", SECRET);
    const id = verifiedDeviceId(token, "owner@example.com", SECRET);
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(token.startsWith(`${id}.`)).toBe(true);
    expect(verifiedDeviceId(token, "other@example.com", SECRET)).toBeNull();
    expect(verifiedDeviceId(token, "owner@example.com", "t".repeat(40))).toBeNull();
  });

  it("refuse tampered, truncated and malformed tokens", () => {
    const token = issueDeviceToken("a@example.com", SECRET);
    const [id, sig] = token.split(".") as [string, string];
    const otherId = issueDeviceToken("a@example.com", SECRET).split(".")[0];
    for (const bad of [`${otherId}.${sig}`, `${id}.${sig.slice(0, -2)}`, `${id}.${sig}.x`, id, "", `${id}.`, "x".repeat(500), null, undefined]) {
      expect(verifiedDeviceId(bad, "a@example.com", SECRET), String(bad)).toBeNull();
    }
  });

  it("each sign-in gets a new device id", () => {
    expect(issueDeviceToken("a@example.com", SECRET)).not.toBe(issueDeviceToken("a@example.com", SECRET));
  });
});

describe("cookieValue", () => {
  it("finds a cookie by exact name", () => {
    expect(cookieValue("a=1; hookline-device=x.y; b=2", "hookline-device")).toBe("x.y");
    expect(cookieValue("xhookline-device=1", "hookline-device")).toBeNull();
    expect(cookieValue(undefined, "a")).toBeNull();
  });
});
