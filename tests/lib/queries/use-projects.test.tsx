// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/lib/queries/keys";
import { useProjects } from "@/lib/queries/use-projects";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

const rows = [{ id: "p1", name: "Web" }];

describe("useProjects", () => {
  it("reads /projects, unwrapped, under catalogKeys.projects", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ data: rows }));
    const { result } = renderHook(() => useProjects(), { wrapper });
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/projects", method: "GET", body: undefined }]);
    expect(result.current.data).toEqual(rows);
    expect(client.getQueryData(catalogKeys.projects)).toEqual(rows);
  });

  it("keeps the list fresh for a while: a second component does not read it again", async () => {
    const { calls, wrapper } = setup(() => Response.json({ data: rows }));
    const first = renderHook(() => useProjects(), { wrapper });
    await vi.waitFor(() => expect(first.result.current.isSuccess).toBe(true));
    const second = renderHook(() => useProjects(), { wrapper });
    expect(second.result.current.data).toEqual(rows);
    expect(second.result.current.isStale).toBe(false);
    expect(calls).toHaveLength(1);
  });
});
