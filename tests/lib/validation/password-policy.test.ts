import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { ZUserCreate } from "@/lib/validation/user";

describe("password policy", () => {
  it("is 12 characters, and the user schema holds new passwords to exactly that bar", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    const ok = (password: string) => ZUserCreate.safeParse({ email: "a@b.io", password }).success;
    expect(ok("p".repeat(PASSWORD_MIN_LENGTH))).toBe(true);
    expect(ok("p".repeat(PASSWORD_MIN_LENGTH - 1))).toBe(false);
  });
});
