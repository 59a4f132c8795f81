import { ZOverview } from "../../validation/overview";
import { defineOperation } from "../define-operation";
import { output, single } from "../openapi-schema";

export const getOverviewOperation = defineOperation({
  method: "GET",
  path: "/overview",
  tag: "Overview",
  scopes: ["webhooks:read", "deliveries:read"],
  summary: "The workspace's last 24 hours, queue, webhooks that need attention, and live delivery processes",
  responses: [{ status: 200, description: "The overview now", schema: single(output(ZOverview)) }],
  errors: [401, 403],
});
