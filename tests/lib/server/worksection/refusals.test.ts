import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { refusal, required, unknownAction, webhookNotFound } from "@/lib/server/worksection/refusals";

describe("Worksection actions' refusals", () => {
  it("are plain domain errors: a kind, a code, and one issue per value at fault naming its parameter", () => {
    const unknown = refusal("invalid", "unknown_events", "Unknown events", "events", ["a", "b"]);
    expect(unknown).toBeInstanceOf(DomainError);
    expect(unknown).toMatchObject({
      kind: "invalid",
      code: "unknown_events",
      message: "Unknown events",
      issues: [
        { path: "events", message: "a" },
        { path: "events", message: "b" },
      ],
    });
    expect(required("url")).toMatchObject({ kind: "invalid", code: "required", issues: [{ path: "url", message: "url is required" }] });
    expect(webhookNotFound("16")).toMatchObject({
      kind: "not_found",
      code: "not_found",
      message: "Webhook not found",
      issues: [{ path: "id", message: "16" }],
    });
  });

  it("an unknown action is quoted, a missing one is not, and the message stays short", () => {
    expect(unknownAction("get_tasks")).toMatchObject({ code: "invalid_action", issues: [{ path: "action", message: "get_tasks" }] });
    expect(unknownAction("")).toMatchObject({ code: "invalid_action", message: "Name an action", issues: [] });
    expect(unknownAction("x".repeat(5000)).message.length).toBeLessThan(120);
  });
});
