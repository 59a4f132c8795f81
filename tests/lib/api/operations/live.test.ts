import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import * as operations from "@/lib/api/operations/live";
import { declaredIn, expectWellFormed } from "../../../helpers/operations";

describe("the live stream's operation", () => {
  it("is well formed, readable with either read scope, and documented as an event stream", () => {
    expectWellFormed(declaredIn(operations));
    expect(operations.liveUpdatesOperation).toMatchObject({ method: "GET", path: "/live", scopes: ["deliveries:read", "webhooks:read"] });
    const doc = buildOpenApiDocument() as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    expect(Object.keys(doc.paths["/live"]?.get?.responses["200"]?.content ?? {})).toEqual(["text/event-stream"]);
  });
});
