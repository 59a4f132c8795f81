// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/lib/queries/keys";
import { useSaveProject } from "@/lib/queries/use-save-project";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useSaveProject", () => {
  it("renames by PATCH /projects/{id} (the id encoded), and re-reads the projects", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ id: "p 1", name: "CRM", createdAt: "x" }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useSaveProject(), { wrapper });
    act(() => result.current.mutate({ id: "p 1", name: "CRM", isRename: true }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/projects/p%201", method: "PATCH", body: { name: "CRM" } }]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: catalogKeys.projects });
  });
});
