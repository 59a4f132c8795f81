import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/events";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("event operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("publish one event or a batch; the bodies refuse bad input by field", () => {
    const { publishEventOperation: one, publishBatchOperation: batch } = operations;
    expect(`${one.method} ${one.path}`).toBe("POST /events");
    expect(`${batch.method} ${batch.path}`).toBe("POST /events/batch");
    expect(refusedAt(one.body, { event: "deals.created", data: {} })).toBeUndefined();
    expect(refusedAt(one.body, { data: {} })).toBe("event");
    expect(
      refusedAt(batch.body, {
        events: [
          { event: "deals.created", data: {} },
          { event: "", data: {} },
        ],
      }),
    ).toBe("events.1.event");
  });

  it("publishing declares the size, media-type and overload refusals a publisher can meet", () => {
    for (const op of [operations.publishEventOperation, operations.publishBatchOperation]) expect(op.errors).toEqual(expect.arrayContaining([413, 415, 503]));
  });

  it("an event is read by its UUID", () => {
    const { getEventOperation: get } = operations;
    expect(`${get.method} ${get.path}`).toBe("GET /events/{id}");
    expect(refusedAt(get.params, { id: "evt_1" })).toBe("id");
  });
});
