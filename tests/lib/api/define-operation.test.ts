import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation, WRITE_ERRORS, wrapperErrors } from "@/lib/api/define-operation";
import type { TScope } from "@/lib/validation/scopes";

describe("defineOperation", () => {
  const declared = {
    method: "POST" as const,
    path: "/things",
    tag: "Things",
    summary: "Make a thing",
    scopes: ["webhooks:write"] as TScope[],
    responses: [{ status: 201, description: "Made" }],
    errors: WRITE_ERRORS,
  };

  it("keeps the declaration's schemas and responses (for withAdmin and the document to read)", () => {
    const body = z.object({ name: z.string() });
    const op = defineOperation({ ...declared, body });
    expect(op.body).toBe(body);
    expect(op).toMatchObject({ method: "POST", path: "/things", scopes: ["webhooks:write"], responses: declared.responses });
  });

  it("adds what the wrapper itself answers: 503 always, 413 and 415 where a body is read; each status once", () => {
    expect(wrapperErrors({ body: z.object({}) })).toEqual([413, 415, 503]);
    expect(wrapperErrors({})).toEqual([503]);
    expect(defineOperation({ ...declared, body: z.object({}) }).errors).toEqual([400, 401, 403, 413, 415, 503]);
    expect(defineOperation({ ...declared, method: "GET", errors: [401, 403, 404, 503] }).errors).toEqual([401, 403, 404, 503]);
    expect(declared.errors).toEqual([400, 401, 403]); // the declaration itself is left as it was
  });

  it("an authenticated write can answer 400, 401 and 403", () => {
    expect(WRITE_ERRORS).toEqual([400, 401, 403]);
  });
});
