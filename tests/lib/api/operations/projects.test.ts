import { describe, expect, it } from "vitest";
import * as operations from "@/lib/api/operations/projects";
import { declaredIn, expectWellFormed, refusedAt } from "../../../helpers/operations";

describe("project operations", () => {
  it("are well formed", () => expectWellFormed(declaredIn(operations)));

  it("projects are named by the host's own ids, not UUIDs", () => {
    expect(refusedAt(operations.renameProjectOperation.params, { id: "333" })).toBeUndefined();
    expect(refusedAt(operations.renameProjectOperation.params, { id: "" })).toBe("id");
  });

  it("creating answers 201, or 200 when the id already existed", () => {
    expect(operations.upsertProjectOperation.responses.map((r) => r.status).sort()).toEqual([200, 201]);
  });
});
