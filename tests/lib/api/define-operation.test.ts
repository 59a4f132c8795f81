import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation, WRITE_ERRORS } from "@/lib/api/define-operation";
import type { TScope } from "@/lib/validation/scopes";

describe("defineOperation", () => {
  it("returns the declaration itself (schemas kept, for withAdmin and the document to read)", () => {
    const body = z.object({ name: z.string() });
    const declared = {
      method: "POST" as const,
      path: "/things",
      tag: "Things",
      summary: "Make a thing",
      scopes: ["webhooks:write"] as TScope[],
      body,
      responses: [{ status: 201, description: "Made" }],
      errors: WRITE_ERRORS,
    };
    const op = defineOperation(declared);
    expect(op).toBe(declared);
    expect(op.body).toBe(body);
  });

  it("an authenticated write can answer 400, 401 and 403", () => {
    expect(WRITE_ERRORS).toEqual([400, 401, 403]);
  });
});
