import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import * as operations from "@/lib/api/operations/overview";
import { declaredIn, expectWellFormed } from "../../../helpers/operations";

describe("the overview's operation", () => {
  it("is well formed, readable with either read scope, documented under its own tag with the overview's fields", () => {
    expectWellFormed(declaredIn(operations));
    expect(operations.getOverviewOperation).toMatchObject({ method: "GET", path: "/overview", scopes: ["webhooks:read", "deliveries:read"] });
    const doc = buildOpenApiDocument() as {
      tags: { name: string }[];
      paths: Record<string, { get?: { tags: string[]; responses: Record<string, { content: { "application/json": { schema: unknown } } }> } }>;
    };
    expect(doc.paths["/overview"]?.get?.tags).toEqual(["Overview"]);
    expect(doc.tags.map((t) => t.name)).toContain("Overview");
    expect(JSON.stringify(doc.paths["/overview"]?.get?.responses["200"]?.content["application/json"].schema)).toContain("oldestDueAgeSeconds");
  });
});
