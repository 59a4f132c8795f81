import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/event-types";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("event type operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("registering needs a name and can conflict with an existing one", () => {
    expect(refusedAt(operations.createEventTypeOperation.body, {})).toBe("name");
    expect(operations.createEventTypeOperation.errors).toContain(409);
  });

  it("a schema must be an object; a change must change something; a built-in type is a 409", () => {
    expect(refusedAt(operations.createEventTypeOperation.body, { name: "a.b", description: "d", group: "g", schema: "x" })).toBe("schema");
    expect(refusedAt(operations.updateEventTypeOperation.body, {})).toBe("");
    expect(refusedAt(operations.updateEventTypeOperation.body, { example: null })).toBeUndefined();
    expect(operations.updateEventTypeOperation.errors).toContain(409);
  });
});
