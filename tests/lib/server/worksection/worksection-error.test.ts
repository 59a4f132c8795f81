import { describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { toWorksectionResult, WORKSECTION_ERRORS, WorksectionError } from "@/lib/server/worksection/worksection-error";

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
    expect(new WorksectionError("unknown_events", "x".repeat(5000)).toResult().body).toMatchObject({ message_details: "x".repeat(1000) });
  });

  it("map a Zod error to the field, an unreachable database to 503, and anything else to a bare 500", () => {
    expect(toWorksectionResult(new ZodError([{ code: "custom", path: ["url"], message: "Enter a URL", input: "" }])).body).toMatchObject({
      status_code: 5,
      message_details: "url: Enter a URL",
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(toWorksectionResult(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({
        status: 503,
        body: { status_code: 20 },
      });
      const bug = toWorksectionResult(new Error("secret internals"));
      expect(bug).toEqual({ status: 500, body: { status: "error", status_code: 21, message: "Something went wrong on the server" } });
    } finally {
      quiet.mockRestore();
    }
  });
});
