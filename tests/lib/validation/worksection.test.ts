import { describe, expect, it } from "vitest";
import { splitList, WORKSECTION_STATUS, worksectionErrorBody, ZWorksectionWebhook } from "@/lib/validation/worksection";

describe("Worksection's shapes", () => {
  it("reads comma-separated lists as Worksection writes them, tolerating spaces and empty items", () => {
    expect(splitList("post_task,delete_task,reopen_task")).toEqual(["post_task", "delete_task", "reopen_task"]);
    expect(splitList(" post_task , ,close_task,")).toEqual(["post_task", "close_task"]);
    expect(splitList("")).toEqual([]);
    expect(splitList(undefined)).toEqual([]);
  });

  it("a listed webhook says active or disabled, and may leave projects out", () => {
    expect(WORKSECTION_STATUS).toEqual({ enabled: "active", disabled: "disabled" });
    const webhook = { id: "14", url: "https://a.example/", events: "post_task", status: "active" };
    expect(ZWorksectionWebhook.parse(webhook)).toEqual(webhook);
    expect(ZWorksectionWebhook.safeParse({ ...webhook, status: "working" }).success).toBe(false);
  });

  it("an error body carries the kind's code and words, and details cut to a bounded length", () => {
    expect(worksectionErrorBody("invalid_request")).toEqual({ status: "error", status_code: 3, message: "Request is invalid" });
    expect(worksectionErrorBody("unavailable", "x".repeat(5_000))).toMatchObject({ status_code: 20, message_details: "x".repeat(1_000) });
  });
});
