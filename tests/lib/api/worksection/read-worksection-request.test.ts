import { describe, expect, it } from "vitest";
import { readWorksectionRequest } from "@/lib/api/worksection/read-worksection-request";

const BASE = "http://localhost:3000/api/admin/v2/";
const read = (query: string, init: RequestInit = {}, cap = 1024) => readWorksectionRequest(new Request(`${BASE}?${query}`, init), cap);
const post = (query: string, body: BodyInit, type: string, cap?: number) => read(query, { method: "POST", headers: { "content-type": type }, body }, cap);

describe("readWorksectionRequest", () => {
  it("GET: the parameters decoded, and the query as sent without hash as the signed text", async () => {
    const got = await read("action=add_webhook&url=http%3A%2F%2Fa.test%2Fx&events=post_task,close_task&hash=ABC");
    expect(Object.fromEntries(got.params)).toEqual({ action: "add_webhook", url: "http://a.test/x", events: "post_task,close_task", hash: "ABC" });
    expect(got.signed).toBe("action=add_webhook&url=http%3A%2F%2Fa.test%2Fx&events=post_task,close_task");
    expect(got.hash).toBe("ABC");
    expect((await read("action=get_webhooks")).hash).toBeNull();
  });

  it("a form body joins the query, hash in either; a JSON body is signed as its exact text after the query", async () => {
    const form = await post("action=add_webhook", "url=http%3A%2F%2Fa.test&events=post_task&hash=h", "application/x-www-form-urlencoded; charset=UTF-8");
    expect(form.signed).toBe("action=add_webhook&url=http%3A%2F%2Fa.test&events=post_task");
    expect(form.hash).toBe("h");
    expect((await post("", "action=get_webhooks", "application/x-www-form-urlencoded")).signed).toBe("action=get_webhooks");
    const body = '{"url": "http://a.test", "events": ["post_task", "close_task"], "projects": 333}';
    const json = await post("action=add_webhook&hash=h", body, "application/json");
    expect(json.signed).toBe(`action=add_webhook${body}`);
    expect(Object.fromEntries(json.params)).toMatchObject({ url: "http://a.test", events: "post_task,close_task", projects: "333" });
  });

  it("refuses what it cannot read unambiguously, as Worksection's error 3 with a fitting HTTP status", async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: unknown) => e,
      );
    expect(await refusal(read("action=a&action=b"))).toMatchObject({ kind: "invalid_request", httpStatus: 400, details: 'Parameter "action" is given twice' });
    expect(await refusal(post("action=a", "action=b", "application/x-www-form-urlencoded"))).toMatchObject({ kind: "invalid_request" });
    expect(await refusal(post("action=a", '{"hash":"h"}', "application/json"))).toMatchObject({ details: expect.stringMatching(/send hash in the query/) });
    expect(await refusal(post("action=a", '{"url":null}', "application/json"))).toMatchObject({ details: expect.stringMatching(/"url" must be a string/) });
    expect(await refusal(post("action=a", "nope", "application/json"))).toMatchObject({ details: "Request body is not valid JSON" });
    expect(await refusal(post("action=a", "a=1", "text/plain"))).toMatchObject({ httpStatus: 415 });
    expect(await refusal(post("action=a", new Uint8Array([0x61, 0xff]), "application/x-www-form-urlencoded"))).toMatchObject({
      details: "Request body is not valid UTF-8",
    });
    expect(await refusal(post("action=a", "x".repeat(2000), "application/x-www-form-urlencoded", 1024))).toMatchObject({ httpStatus: 413 });
  });
});
