import { describe, expect, it } from "vitest";
import * as adminV2Route from "@/app/api/admin/v2/route";
import * as batchRoute from "@/app/api/v1/events/batch/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import { directRoute, registerDirectRoutes } from "@/lib/api/direct-routes";
import { publishBatchHandler, publishEventHandler } from "@/lib/api/handlers/events";
import { processGlobals } from "@/lib/process-globals";

describe("directRoute", () => {
  it("serves the publish operations with the very handlers Next's routes export", () => {
    expect(directRoute("POST", "/api/v1/events")).toBe(publishEventHandler);
    expect(directRoute("POST", "/api/v1/events/")).toBe(publishEventHandler);
    expect(directRoute("POST", "/api/v1/events/batch")).toBe(publishBatchHandler);
    expect(eventsRoute.POST).toBe(publishEventHandler);
    expect(batchRoute.POST).toBe(publishBatchHandler);
  });

  it("serves Worksection's admin API with and without its trailing slash (Next would redirect the slash form)", () => {
    for (const path of ["/api/admin/v2", "/api/admin/v2/"]) {
      expect(directRoute("GET", path)).toBe(adminV2Route.GET);
      expect(directRoute("POST", path)).toBe(adminV2Route.POST);
    }
    expect(directRoute("DELETE", "/api/admin/v2/")).toBeUndefined();
  });

  it("leaves every other method and path to Next", () => {
    for (const [method, path] of [
      ["GET", "/api/v1/events"],
      ["PUT", "/api/v1/events"],
      ["POST", "/api/v1/events/batch/x"],
      ["POST", "/api/v1/webhooks"],
      ["POST", "/api/v1/Events"],
    ] as const) {
      expect(directRoute(method, path), `${method} ${path}`).toBeUndefined();
    }
  });

  it("registers itself where scripts/serve.ts looks", () => {
    registerDirectRoutes();
    expect(processGlobals().directRoute).toBe(directRoute);
  });
});
