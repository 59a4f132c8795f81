// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { catalogKeys } from "@/lib/queries/keys";
import { useCreateEventType } from "@/lib/queries/use-create-event-type";
import { cleanUpAfterEach, setup } from "../../helpers/query-harness";

cleanUpAfterEach();

describe("useCreateEventType", () => {
  it("POSTs /event-types, and re-reads the catalog", async () => {
    const { client, calls, wrapper } = setup(() => Response.json({ name: "invoices.paid", description: "Paid", group: "Billing", isCustom: true }));
    const invalidate = vi.spyOn(client, "invalidateQueries");
    const { result } = renderHook(() => useCreateEventType(), { wrapper });
    act(() => result.current.mutate({ name: "invoices.paid", description: "Paid", group: "Billing" }));
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual([{ url: "/api/v1/event-types", method: "POST", body: { name: "invoices.paid", description: "Paid", group: "Billing" } }]);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: catalogKeys.eventTypes });
  });
});
