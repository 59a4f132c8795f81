import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/event-types";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("event type operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("registering needs a name and can conflict with an existing one", () => {
    expect(refusedAt(operations.createEventTypeOperation.body, {})).toBe("name");
    expect(operations.createEventTypeOperation.errors).toContain(409);
  });
});
