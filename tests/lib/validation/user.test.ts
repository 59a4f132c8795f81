import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { ZSignIn, ZUserCreate } from "@/lib/validation/user";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("users", () => {
  it("signs in with any non-empty password, but creates only with the policy's length", () => {
    expect(ZSignIn.parse({ email: " Ada@Example.COM ", password: "x" })).toEqual({ email: "ada@example.com", password: "x" });
    expect(messages(ZSignIn.safeParse({ email: "nope", password: "" }))).toEqual(["email: Enter a valid email address", "password: Enter your password"]);
    const short = "p".repeat(PASSWORD_MIN_LENGTH - 1);
    expect(messages(ZUserCreate.safeParse({ email: "a@b.io", password: short }))).toEqual([
      `password: Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    ]);
    expect(ZUserCreate.parse({ email: "a@b.io", password: "p".repeat(PASSWORD_MIN_LENGTH) })).toMatchObject({ role: "MEMBER" });
    expect(ZUserCreate.safeParse({ email: "a@b.io", password: "p".repeat(PASSWORD_MIN_LENGTH), role: "ROOT" }).success).toBe(false);
  });
});
