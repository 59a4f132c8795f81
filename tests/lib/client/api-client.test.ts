import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClientError, apiFetch, errorsOf, fieldErrors, liveStreamUrl, setRenderedWorkspace } from "@/lib/client/api-client";

/** Stubs fetch with one answer and returns the mock, to read the request it was called with. */
function answer(response: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => response());
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("GETs under /api/v1 with same-origin credentials and no body or content type", async () => {
    const fetchMock = answer(async () => Response.json({ ok: 1 }));
    await expect(apiFetch("/things?a=1")).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/things?a=1");
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin", headers: {}, body: undefined });
  });

  it("names the workspace the page was rendered for on every call, once the page has set it", async () => {
    const fetchMock = answer(async () => Response.json({ ok: 1 }));
    setRenderedWorkspace("00000000-0000-4000-8000-0000000000aa");
    try {
      await apiFetch("/things");
      await apiFetch("/things", { method: "POST", body: { n: 1 } });
      expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({ "x-hookline-workspace": "00000000-0000-4000-8000-0000000000aa" });
      expect(fetchMock.mock.calls[1]?.[1]?.headers).toEqual({
        "content-type": "application/json",
        "x-hookline-workspace": "00000000-0000-4000-8000-0000000000aa",
      });
    } finally {
      setRenderedWorkspace(null);
    }
    await apiFetch("/things");
    expect(fetchMock.mock.calls[2]?.[1]?.headers).toEqual({});
  });

  it("sends a JSON body with its content type and passes the abort signal", async () => {
    const fetchMock = answer(async () => Response.json({ id: "x" }, { status: 201 }));
    const signal = new AbortController().signal;
    await expect(apiFetch("/things", { method: "POST", body: { name: "n" }, signal })).resolves.toEqual({ id: "x" });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init).toMatchObject({ method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"n"}' });
    expect(init?.signal).toBe(signal);
  });

  it("answers undefined for 204 No Content", async () => {
    answer(async () => new Response(null, { status: 204 }));
    await expect(apiFetch("/things/1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("turns the server's error body into an ApiClientError with status, code, message and issues", async () => {
    const issues = [{ path: "url", message: "Must be https" }];
    answer(async () => Response.json({ error: { code: "validation_failed", message: "Invalid body", issues } }, { status: 422 }));
    const error = await apiFetch("/things", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ name: "ApiClientError", status: 422, code: "validation_failed", message: "Invalid body", issues });
  });

  it("gives an empty issue list when the error body has none", async () => {
    answer(async () => Response.json({ error: { code: "not_found", message: "No such webhook" } }, { status: 404 }));
    await expect(apiFetch("/webhooks/x")).rejects.toMatchObject({ status: 404, code: "not_found", message: "No such webhook", issues: [] });
  });

  it("falls back to http_error when the error body is not the API's shape", async () => {
    answer(async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(apiFetch("/things")).rejects.toMatchObject({ status: 502, code: "http_error", message: "Request failed (HTTP 502)", issues: [] });
  });

  it("reports an unreachable server as a network error", async () => {
    answer(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(apiFetch("/things")).rejects.toMatchObject({ status: 0, code: "network", message: "Could not reach the server" });
  });

  it("lets an abort through unchanged", async () => {
    const abort = new DOMException("The operation was aborted.", "AbortError");
    answer(async () => {
      throw abort;
    });
    await expect(apiFetch("/things")).rejects.toBe(abort);
  });
});

describe("fieldErrors", () => {
  it("keys by the first path segment, first message wins, empty path goes to form", () => {
    const out = fieldErrors([
      { path: "events.2", message: "Unknown event" },
      { path: "events.3", message: "Second" },
      { path: ["url", 0], message: "Bad URL" },
      { path: "", message: "Whole form" },
      { path: [], message: "Also form" },
    ]);
    expect(out).toEqual({ events: "Unknown event", url: "Bad URL", form: "Whole form" });
  });
});

describe("errorsOf and liveStreamUrl", () => {
  it("shows the API's field issues by field, else the message on the given field", () => {
    expect(errorsOf(new ApiClientError(400, "validation_failed", "bad", [{ path: "name", message: "Enter a name" }]), "form")).toEqual({
      name: "Enter a name",
    });
    expect(errorsOf(new ApiClientError(409, "conflict", "Exists already"), "name")).toEqual({ name: "Exists already" });
    expect(errorsOf(new Error("Could not reach the server"), "form")).toEqual({ form: "Could not reach the server" });
  });

  it("names the page's workspace in the live stream's query (EventSource sends no headers)", () => {
    setRenderedWorkspace(null);
    expect(liveStreamUrl()).toBe("/api/v1/live");
    setRenderedWorkspace("ws 1");
    expect(liveStreamUrl()).toBe("/api/v1/live?workspace=ws%201");
    setRenderedWorkspace(null);
  });
});
