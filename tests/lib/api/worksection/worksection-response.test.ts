import { describe, expect, it } from "vitest";
import { tooManyAttempts, worksectionResponse } from "@/lib/api/worksection/worksection-response";

describe("worksectionResponse", () => {
  it("answers the result's body and status with the given headers; a 503 says when to retry", async () => {
    const ok = worksectionResponse({ status: 200, body: { status: "ok" } }, { "x-extra": "1" });
    expect([ok.status, ok.headers.get("x-extra"), ok.headers.get("retry-after"), await ok.json()]).toEqual([200, "1", null, { status: "ok" }]);
    const down = worksectionResponse({ status: 503, body: { status: "error", status_code: 20, message: "Service is unavailable, retry shortly" } });
    expect([down.status, down.headers.get("retry-after")]).toEqual([503, "5"]);
  });

  it("a locked caller gets 429, code 12 and the seconds to wait, with the caller's own headers", async () => {
    const res = tooManyAttempts(4, { "cache-control": "no-store" });
    expect([res.status, res.headers.get("retry-after"), res.headers.get("cache-control")]).toEqual([429, "4", "no-store"]);
    expect(await res.json()).toEqual({ status: "error", status_code: 12, message: "Too many failed attempts, retry later", message_details: "Retry in 4 s" });
  });
});
