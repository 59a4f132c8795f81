import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchAdminApiKey, postRegenerateAdminApiKey } from "@/lib/client/admin-api-key-api";

// The browser's own fetch is replaced here: what is checked is the request these fetchers build.
function answer(response: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const KEY = { key: "0123456789abcdef0123456789abcdef", createdAt: "2026-11-30T10:00:00.000Z" };

afterEach(() => vi.unstubAllGlobals());

describe("admin-api-key-api", () => {
  it("fetchAdminApiKey GETs /admin-api-key", async () => {
    const fetchMock = answer(async () => Response.json(KEY));
    await expect(fetchAdminApiKey()).resolves.toEqual(KEY);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/admin-api-key");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "GET" });
  });

  it("postRegenerateAdminApiKey POSTs /admin-api-key/regenerate without a body; a refusal is an error", async () => {
    const fetchMock = answer(async () => Response.json(KEY));
    await expect(postRegenerateAdminApiKey()).resolves.toEqual(KEY);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/admin-api-key/regenerate");
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: "POST", body: undefined });
    answer(async () => Response.json({ error: { code: "cross_origin", message: "Cross-site request refused" } }, { status: 403 }));
    await expect(postRegenerateAdminApiKey()).rejects.toMatchObject({ status: 403, code: "cross_origin" });
  });
});
