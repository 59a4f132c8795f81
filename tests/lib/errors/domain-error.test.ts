import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";

describe("DomainError", () => {
  it("keeps its kind, code, message and issues, and is an Error named DomainError", () => {
    const error = new DomainError("conflict", "webhook_busy", "A test is running", [{ path: "url", message: "busy" }]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "DomainError",
      kind: "conflict",
      code: "webhook_busy",
      message: "A test is running",
      issues: [{ path: "url", message: "busy" }],
    });
    expect(new DomainError("too_large", "too_large", "Too big").issues).toBeUndefined();
  });

  it("notFound names what was missing", () => {
    const error = DomainError.notFound("Webhook");
    expect(error).toMatchObject({ kind: "not_found", code: "not_found", message: "Webhook not found", issues: undefined });
  });

  it("invalid carries the one field it refuses as an issue", () => {
    const error = DomainError.invalid("events.3.event", "Unknown event type");
    expect(error).toMatchObject({ kind: "invalid", code: "validation_failed", message: "Unknown event type" });
    expect(error.issues).toEqual([{ path: "events.3.event", message: "Unknown event type" }]);
  });

  it("invalidAll keeps every issue and joins their messages in order", () => {
    const issues = [
      { path: "url", message: "url must be https" },
      { path: "events", message: "events must not be empty" },
    ];
    const error = DomainError.invalidAll(issues);
    expect(error).toMatchObject({ kind: "invalid", code: "validation_failed", message: "url must be https; events must not be empty" });
    expect(error.issues).toEqual(issues);
  });
});
