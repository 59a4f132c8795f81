import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/account";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("account operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("are a browser session's own: never an API key's, whatever its scopes", () => {
    for (const op of declaredIn(operations)) expect(op, op.path).toMatchObject({ isSessionOnly: true, level: "session" });
  });

  it("a new password needs the current one and differs from it", () => {
    const body = operations.changePasswordOperation.body;
    expect(refusedAt(body, { currentPassword: "", newPassword: "another-password-1" })).toBe("currentPassword");
    expect(refusedAt(body, { currentPassword: "a-password-123", newPassword: "a-password-123" })).toBe("newPassword");
    expect(refusedAt(body, { currentPassword: "a-password-123", newPassword: "another-password-1" })).toBeUndefined();
  });
});
