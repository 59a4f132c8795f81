import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { readBoundedBytes, readJsonBody } from "@/lib/api/read-json-body";
import { lazyBody } from "../../helpers/lazy-body";

const JSON_HEADERS = { "content-type": "application/json" };

const post = (body: BodyInit, headers: Record<string, string> = JSON_HEADERS) =>
  new Request("http://localhost/api/v1/events", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readBoundedBytes", () => {
  it("stops reading a streamed body as soon as it passes the cap", async () => {
    const body = lazyBody(200 * 1024 * 1024);
    const error = await errorOf(readBoundedBytes(post(body.stream), 1024 * 1024));
    expect(error.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
  });

  it("refuses a declared length over the cap without reading", async () => {
    const body = lazyBody(10 * 1024 * 1024);
    const request = post(body.stream, { ...JSON_HEADERS, "content-length": String(10 * 1024 * 1024) });
    expect((await errorOf(readBoundedBytes(request, 1024))).status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024); // at most what the stream pre-buffers
  });

  it("returns the bytes of a body within the cap", async () => {
    expect(Buffer.from(await readBoundedBytes(post("hello"), 5)).toString()).toBe("hello");
  });
});

describe("readJsonBody", () => {
  it("parses JSON, and an empty body as {}", async () => {
    expect(await readJsonBody(post('{"a":[1,"x"]}'), 1024)).toEqual({ a: [1, "x"] });
    expect(await readJsonBody(post(""), 1024)).toEqual({});
    expect(await readJsonBody(post("{}", { "content-type": "application/merge-patch+json; charset=utf-8" }), 1024)).toEqual({});
  });

  it("415 for a body not declared JSON", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", ""]) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const request = new Request("http://localhost/x", { method: "POST", body: "{}", headers });
      if (!type) request.headers.delete("content-type");
      const error = await errorOf(readJsonBody(request, 1024));
      expect(error.status, type).toBe(415);
    }
  });

  it("400 for invalid UTF-8 rather than replacing it", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const error = await errorOf(readJsonBody(post(bytes), 1024));
    expect(error).toMatchObject({ status: 400, code: "invalid_json", message: "Request body is not valid UTF-8" });
  });

  it("400 naming the field for NUL, lone surrogates and deep nesting", async () => {
    expect((await errorOf(readJsonBody(post('{"event":"a\\u0000b"}'), 1024))).issues).toEqual([{ path: "event", message: expect.stringMatching(/NUL/) }]);
    expect((await errorOf(readJsonBody(post('{"data":{"x":"\\ud800"}}'), 1024))).issues?.[0]?.path).toBe("data.x");
    const deep = `{"data":${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
    expect((await errorOf(readJsonBody(post(deep), 1024 * 1024))).message).toMatch(/nested more than 64 levels/);
  });
});
