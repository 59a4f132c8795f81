import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError, setRenderedWorkspace } from "@/lib/client/api-client";
import {
  destroyMember,
  destroyWorkspace,
  fetchMembers,
  fetchWorkspaces,
  patchWorkspace,
  postMember,
  postSignInLink,
  postWorkspace,
} from "@/lib/client/workspaces-api";
import { serve } from "../../helpers/fetch-stub";

const WS = {
  id: "11111111-1111-4111-8111-111111111111",
  slug: "acme",
  name: "Acme",
  maxInFlight: null,
  rateLimitPerSecond: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};
const MEMBER = { email: "a@example.com", name: null, role: "ADMIN", isOperator: false, createdAt: "2026-01-01T00:00:00.000Z" };
const JSON_HEADERS = { "content-type": "application/json" };

afterEach(() => {
  vi.unstubAllGlobals();
  setRenderedWorkspace(null);
});

describe("fetchWorkspaces", () => {
  it("GETs a page with the default limit of 50 and no cursor", async () => {
    const calls = serve(() => Response.json({ data: [WS], nextCursor: null }));
    await expect(fetchWorkspaces({})).resolves.toEqual({ data: [WS], nextCursor: null });
    expect(calls).toEqual([{ url: "/api/v1/workspaces?limit=50", method: "GET", body: undefined, headers: {}, signal: undefined }]);
  });

  it("adds the limit and the cursor, encoded, and passes the signal", async () => {
    const calls = serve(() => Response.json({ data: [], nextCursor: null }));
    const signal = new AbortController().signal;
    await fetchWorkspaces({ cursor: "a+b/c=", limit: 10 }, signal);
    expect(calls[0]?.url).toBe("/api/v1/workspaces?limit=10&cursor=a%2Bb%2Fc%3D");
    expect(calls[0]?.signal).toBe(signal);
  });
});

describe("one workspace's fetchers", () => {
  it("postWorkspace POSTs the body as JSON to /workspaces", async () => {
    const calls = serve(() => Response.json(WS, { status: 201 }));
    await expect(postWorkspace({ name: "Acme", slug: "acme" })).resolves.toEqual(WS);
    expect(calls[0]).toEqual({ url: "/api/v1/workspaces", method: "POST", body: { name: "Acme", slug: "acme" }, headers: JSON_HEADERS, signal: undefined });
  });

  it("patchWorkspace PATCHes /workspaces/{id} with the body", async () => {
    const calls = serve(() => Response.json(WS));
    await patchWorkspace(WS.id, { maxInFlight: 4 });
    expect(calls[0]).toMatchObject({ url: `/api/v1/workspaces/${WS.id}`, method: "PATCH", body: { maxInFlight: 4 }, headers: JSON_HEADERS });
  });

  it("destroyWorkspace DELETEs /workspaces/{id} without a query, or with ?force=true when forced, and resolves undefined on 204", async () => {
    const calls = serve(() => new Response(null, { status: 204 }));
    await expect(destroyWorkspace("acme")).resolves.toBeUndefined();
    await expect(destroyWorkspace("acme", { isForced: false })).resolves.toBeUndefined();
    await expect(destroyWorkspace("acme", { isForced: true })).resolves.toBeUndefined();
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ["DELETE", "/api/v1/workspaces/acme", undefined],
      ["DELETE", "/api/v1/workspaces/acme", undefined],
      ["DELETE", "/api/v1/workspaces/acme?force=true", undefined],
    ]);
  });

  it("a refused delete (409 has_webhooks) is an ApiClientError with the server's code", async () => {
    serve(() => Response.json({ error: { code: "has_webhooks", message: "Acme has 1 webhook" } }, { status: 409 }));
    const error = await destroyWorkspace("acme").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 409, code: "has_webhooks", message: "Acme has 1 webhook" });
  });
});

describe("members and sign-in links", () => {
  it("fetchMembers GETs /workspaces/{id}/members with the signal and unwraps data", async () => {
    const calls = serve(() => Response.json({ data: [MEMBER] }));
    const signal = new AbortController().signal;
    await expect(fetchMembers("acme", signal)).resolves.toEqual([MEMBER]);
    expect(calls[0]).toMatchObject({ url: "/api/v1/workspaces/acme/members", method: "GET", signal });
  });

  it("postMember POSTs the email and role to /workspaces/{id}/members", async () => {
    const calls = serve(() => Response.json(MEMBER));
    await expect(postMember("acme", { email: "a@example.com", role: "admin" })).resolves.toEqual(MEMBER);
    expect(calls[0]).toMatchObject({ url: "/api/v1/workspaces/acme/members", method: "POST", body: { email: "a@example.com", role: "admin" } });
  });

  it("destroyMember DELETEs /workspaces/{id}/members/{email} with the email URL-encoded", async () => {
    const calls = serve(() => new Response(null, { status: 204 }));
    await expect(destroyMember("acme", "a+b/c@example.com")).resolves.toBeUndefined();
    expect(calls[0]).toMatchObject({ url: "/api/v1/workspaces/acme/members/a%2Bb%2Fc%40example.com", method: "DELETE", body: undefined });
  });

  it("postSignInLink POSTs to /workspaces/{id}/sign-in-links and returns the link shown once", async () => {
    const link = { url: "http://localhost:3000/signin/link#token=hlsl_x", expiresAt: "2026-01-01T00:05:00.000Z" };
    const calls = serve(() => Response.json(link, { status: 201 }));
    await expect(postSignInLink("acme", { email: "a@example.com", role: "admin", expiresIn: 600 })).resolves.toEqual(link);
    expect(calls[0]).toMatchObject({
      url: "/api/v1/workspaces/acme/sign-in-links",
      method: "POST",
      body: { email: "a@example.com", role: "admin", expiresIn: 600 },
      headers: JSON_HEADERS,
    });
  });
});
