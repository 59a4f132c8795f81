import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { toWorksectionResult, WorksectionError } from "@/lib/api/worksection/worksection-error";
import { DatabaseUnavailableError } from "@/lib/db/open-database";
import { DomainError } from "@/lib/errors/domain-error";
import { refusal, required, unknownAction, webhookNotFound } from "@/lib/server/worksection/refusals";
import { WORKSECTION_ERRORS } from "@/lib/validation/worksection";

describe("Worksection's error answers", () => {
  it("keep Worksection's own codes and words for a bad hash (2) and a failed URL check (11)", () => {
    expect(new WorksectionError("bad_hash").toResult()).toEqual({
      status: 401,
      body: { status: "error", status_code: 2, message: "Action hash is missed or invalid" },
    });
    expect(new WorksectionError("url_check_failed", "https://google.com").toResult()).toEqual({
      status: 422,
      body: { status: "error", status_code: 11, message: "Url should respond 200 HTTP_CODE and JSON {status:OK}", message_details: "https://google.com" },
    });
  });

  it("give every kind its own code, an HTTP status of the same meaning, and bounded details", () => {
    const codes = Object.values(WORKSECTION_ERRORS).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new WorksectionError("invalid_request", "too big", 413).toResult().status).toBe(413);
    expect(new WorksectionError("too_many_attempts").toResult()).toMatchObject({ status: 429, body: { status_code: 12 } });
    expect(new WorksectionError("unknown_events", "x".repeat(5000)).toResult().body).toMatchObject({ message_details: "x".repeat(1000) });
  });

  it("put the domain's refusals in Worksection's words: the field, `field: reason`, or the values at fault", () => {
    const answer = (error: DomainError) => {
      const { status, body } = toWorksectionResult(error);
      return [status, "status_code" in body ? body.status_code : null, "message_details" in body ? body.message_details : undefined];
    };
    expect(answer(required("url"))).toEqual([400, 4, "url"]);
    expect(answer(DomainError.invalid("http_user", "HTTP user cannot contain a colon"))).toEqual([400, 5, "http_user: HTTP user cannot contain a colon"]);
    expect(answer(refusal("invalid", "unknown_events", "Unknown", "events", ["nope", "also_nope"]))).toEqual([400, 6, "nope,also_nope"]);
    expect(answer(refusal("invalid", "unknown_projects", "Unknown", "projects", ["9"]))).toEqual([400, 7, "9"]);
    expect(answer(webhookNotFound("16"))).toEqual([404, 8, "16"]);
    expect(answer(refusal("rejected", "test_failed", "The test failed", "url", ["https://a.example/"]))).toEqual([422, 11, "https://a.example/"]);
    expect(answer(unknownAction("get_tasks"))).toEqual([400, 1, "get_tasks"]);
    expect(answer(unknownAction(""))).toEqual([400, 1, undefined]);
    // A refusal Worksection has no word for: "Request is invalid" with the status /api/v1 would give it.
    expect(answer(new DomainError("conflict", "busy", "Busy right now"))).toEqual([409, 3, "Busy right now"]);
  });

  it("map a Zod error to the field, an unreachable database to 503 (as /api/v1 decides), and anything else to a bare 500", () => {
    expect(toWorksectionResult(new ZodError([{ code: "custom", path: ["url"], message: "Enter a URL", input: "" }])).body).toMatchObject({
      status_code: 5,
      message_details: "url: Enter a URL",
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const down of [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), new DatabaseUnavailableError("Cannot connect")])
        expect(toWorksectionResult(down)).toEqual({
          status: 503,
          body: { status: "error", status_code: 20, message: "Service is unavailable, retry shortly" },
        });
      const bug = toWorksectionResult(new Error("secret internals"));
      expect(bug).toEqual({ status: 500, body: { status: "error", status_code: 21, message: "Something went wrong on the server" } });
      expect(quiet).toHaveBeenCalledWith(expect.stringContaining("unhandled error in a Worksection action"));
    } finally {
      quiet.mockRestore();
    }
  });
});
