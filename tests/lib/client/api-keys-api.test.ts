import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError } from "@/lib/client/api-client";
import { destroyApiKey, fetchApiKeys, postApiKey, postRestoreApiKey } from "@/lib/client/api-keys-api";

function answer(response: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const KEY = { id: "k1", name: "CI", prefix: "hk_abc", createdAt: "2026-01-01T00:00:00.000Z", lastUsedAt: null };

afterEach(() => vi.unstubAllGlobals());

describe("api-keys-api", () => {
  it("fetchApiKeys GETs /api-keys with the signal and unwraps data", async () => {
    const fetchMock = answer(async () => Response.json({ data: [KEY] }));
    const signal = new AbortController().signal;
    await expect(fetchApiKeys(signal)).resolves.toEqual([KEY]);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/api-keys");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "GET", signal });
  });

  it("postApiKey POSTs the name and scopes as JSON and returns the key shown once", async () => {
    const fetchMock = answer(async () => Response.json({ ...KEY, key: "hk_abc_secret" }, { status: 201 }));
    await expect(postApiKey({ name: "CI", scopes: ["events:publish"] })).resolves.toEqual({ ...KEY, key: "hk_abc_secret" });
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/api-keys");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name":"CI","scopes":["events:publish"]}',
    });
  });

  it("destroyApiKey DELETEs /api-keys/{id}", async () => {
    const fetchMock = answer(async () => Response.json(KEY));
    await expect(destroyApiKey("k1")).resolves.toEqual(KEY);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/api-keys/k1");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "DELETE", body: undefined });
  });

  it("postRestoreApiKey POSTs /api-keys/{id}/restore with no body", async () => {
    const fetchMock = answer(async () => Response.json(KEY));
    await expect(postRestoreApiKey("k1")).resolves.toEqual(KEY);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/api-keys/k1/restore");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "POST", body: undefined });
  });

  it("turns an API error into an ApiClientError", async () => {
    const issues = [{ path: "name", message: "Required" }];
    answer(async () => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 400 }));
    const error = await postApiKey({ name: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 400, code: "validation_failed", message: "Invalid body", issues });
  });
});
