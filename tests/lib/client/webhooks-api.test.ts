import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import {
  destroyWebhook,
  fetchAllWebhooks,
  fetchWebhook,
  fetchWebhooks,
  fetchWebhookToken,
  patchWebhook,
  postRotateToken,
  postWebhook,
  postWebhookEnabled,
  postWebhookTest,
} from "@/lib/client/webhooks-api";
import { serve } from "../../helpers/fetch-stub";

const hook = (id: string) => ({ id, url: `https://example.com/${id}`, enabled: true, status: "working" });

afterEach(() => vi.unstubAllGlobals());

describe("fetchWebhooks", () => {
  it("GETs a page with the default limit of 50 and no filters", async () => {
    const calls = serve(() => Response.json({ data: [hook("a")], nextCursor: "c2" }));
    await expect(fetchWebhooks({})).resolves.toEqual({ data: [hook("a")], nextCursor: "c2" });
    expect(calls).toEqual([{ url: "/api/v1/webhooks?limit=50", method: "GET", body: undefined, headers: {}, signal: undefined }]);
  });

  it("adds status, cursor and limit to the query string, encoded, and passes the signal", async () => {
    const calls = serve(() => Response.json({ data: [], nextCursor: null }));
    const signal = new AbortController().signal;
    await fetchWebhooks({ status: "failing", cursor: "a+b/c=", limit: 10 }, signal);
    const url = new URL(calls[0]?.url ?? "", "http://x");
    expect(url.pathname).toBe("/api/v1/webhooks");
    expect(Object.fromEntries(url.searchParams)).toEqual({ limit: "10", status: "failing", cursor: "a+b/c=" });
    expect(calls[0]?.url).toContain("cursor=a%2Bb%2Fc%3D");
    expect(calls[0]?.signal).toBe(signal);
  });
});

describe("fetchAllWebhooks", () => {
  it("follows nextCursor page after page, 100 at a time, and joins the rows", async () => {
    const calls = serve((url) => {
      const cursor = new URL(url, "http://x").searchParams.get("cursor");
      if (!cursor) return Response.json({ data: [hook("a"), hook("b")], nextCursor: "p2" });
      if (cursor === "p2") return Response.json({ data: [hook("c")], nextCursor: "p3" });
      return Response.json({ data: [hook("d")], nextCursor: null });
    });
    const all = await fetchAllWebhooks();
    expect(all.map((w) => w.id)).toEqual(["a", "b", "c", "d"]);
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/webhooks?limit=100", "/api/v1/webhooks?limit=100&cursor=p2", "/api/v1/webhooks?limit=100&cursor=p3"]);
  });
});

describe("single-webhook fetchers", () => {
  it("fetchWebhook GETs /webhooks/{id} with the signal", async () => {
    const calls = serve(() => Response.json(hook("w1")));
    const signal = new AbortController().signal;
    await expect(fetchWebhook("w1", signal)).resolves.toEqual(hook("w1"));
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1", method: "GET", signal });
  });

  it("postWebhook POSTs the body as JSON and returns the webhook with its token", async () => {
    const calls = serve(() => Response.json({ ...hook("w1"), token: "whsec_x" }, { status: 201 }));
    const body = { url: "https://example.com/in", events: ["build.finished"] };
    await expect(postWebhook(body)).resolves.toMatchObject({ id: "w1", token: "whsec_x" });
    expect(calls[0]).toEqual({ url: "/api/v1/webhooks", method: "POST", body, headers: { "content-type": "application/json" }, signal: undefined });
  });

  it("patchWebhook PATCHes /webhooks/{id} with the body", async () => {
    const calls = serve(() => Response.json(hook("w1")));
    await patchWebhook("w1", { description: "new" });
    expect(calls[0]).toMatchObject({
      url: "/api/v1/webhooks/w1",
      method: "PATCH",
      body: { description: "new" },
      headers: { "content-type": "application/json" },
    });
  });

  it("destroyWebhook DELETEs /webhooks/{id} and resolves undefined on 204", async () => {
    const calls = serve(() => new Response(null, { status: 204 }));
    await expect(destroyWebhook("w1")).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1", method: "DELETE", body: undefined });
  });

  it("postWebhookEnabled POSTs to /enable or /disable", async () => {
    const calls = serve(() => Response.json(hook("w1")));
    await postWebhookEnabled("w1", true);
    await postWebhookEnabled("w1", false);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(["POST /api/v1/webhooks/w1/enable", "POST /api/v1/webhooks/w1/disable"]);
    expect(calls[0]?.body).toBeUndefined();
  });

  it("fetchWebhookToken GETs the token; postRotateToken POSTs the chosen overlap", async () => {
    const calls = serve(() => Response.json({ token: "whsec_t" }));
    await expect(fetchWebhookToken("w1")).resolves.toEqual({ token: "whsec_t" });
    await expect(postRotateToken("w1", "1h")).resolves.toEqual({ token: "whsec_t" });
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1/token", method: "GET", body: undefined });
    expect(calls[1]).toMatchObject({
      url: "/api/v1/webhooks/w1/rotate-token",
      method: "POST",
      body: { overlap: "1h" },
      headers: { "content-type": "application/json" },
    });
  });
});

describe("postWebhookTest", () => {
  it("tests a saved webhook at /webhooks/{id}/test, leaving out empty and missing fields but keeping httpUser: ''", async () => {
    const calls = serve(() => Response.json({ ok: true, statusCode: 200 }));
    await expect(postWebhookTest({ id: "w1", url: "", token: undefined, httpUser: "", httpPassword: "" })).resolves.toEqual({ ok: true, statusCode: 200 });
    expect(calls[0]).toMatchObject({ url: "/api/v1/webhooks/w1/test", method: "POST", body: { httpUser: "" } });
  });

  it("tests an unsaved URL at /webhooks/test with the fields given", async () => {
    const calls = serve(() => Response.json({ ok: false }));
    await postWebhookTest({ url: "https://example.com/in", token: "whsec_x", httpUser: "u", httpPassword: "p" });
    expect(calls[0]).toMatchObject({
      url: "/api/v1/webhooks/test",
      method: "POST",
      body: { url: "https://example.com/in", token: "whsec_x", httpUser: "u", httpPassword: "p" },
    });
  });
});

describe("errors", () => {
  it("an API error body becomes an ApiClientError carrying code, message and issues", async () => {
    const issues = [{ path: "url", message: "Must be https" }];
    serve(() => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const error = await postWebhook({ url: "http://x", events: ["*"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 422, code: "validation_failed", message: "Invalid body", issues });
  });

  it("fetchAllWebhooks stops at the first failing page", async () => {
    const calls = serve((url) =>
      url.includes("cursor")
        ? Response.json({ error: { code: "internal", message: "Boom" } }, { status: 500 })
        : Response.json({ data: [hook("a")], nextCursor: "p2" }),
    );
    await expect(fetchAllWebhooks()).rejects.toMatchObject({ status: 500, code: "internal", message: "Boom" });
    expect(calls).toHaveLength(2);
  });
});
