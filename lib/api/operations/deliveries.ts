import {
  ZDeliveryId,
  ZDeliveryListQuery,
  ZRedeliverMany,
  ZRedeliverManyResult,
  ZReplay,
  ZSignatureCheck,
  ZSignatureCheckResult,
  ZStatsBucket,
  ZStatsQuery,
  ZWebhookQueue,
} from "../../validation/delivery";
import { ZWebhookId } from "../../validation/webhook";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, output, page, ref, single } from "../openapi-schema";

const DELIVERY_ID = { id: "Delivery id (the Delivery / webhook-id header)" };
const WEBHOOK_ID = { id: "Webhook id" };

export const listDeliveriesOperation = defineOperation({
  method: "GET",
  path: "/deliveries",
  tag: "Deliveries",
  scopes: ["deliveries:read"],
  summary: "The delivery log, newest first",
  query: ZDeliveryListQuery,
  responses: [{ status: 200, description: "A page of deliveries", schema: page("Delivery") }],
  errors: [400, 401, 403],
});

export const getDeliveryOperation = defineOperation({
  method: "GET",
  path: "/deliveries/{id}",
  tag: "Deliveries",
  scopes: ["deliveries:read"],
  summary: "A delivery with every attempt",
  params: ZDeliveryId,
  paramDescriptions: DELIVERY_ID,
  responses: [{ status: 200, description: "The delivery", schema: ref("DeliveryDetail") }],
  errors: [400, 401, 403, 404],
});

export const redeliverOperation = defineOperation({
  method: "POST",
  path: "/deliveries/{id}/redeliver",
  tag: "Deliveries",
  scopes: ["deliveries:write"],
  summary: "Send it again now (same id, trigger manual)",
  params: ZDeliveryId,
  paramDescriptions: DELIVERY_ID,
  responses: [{ status: 202, description: "The delivery after the attempt", schema: ref("DeliveryDetail") }],
  errors: [400, 401, 403, 404, 409],
  errorMeanings: { 409: "A worker is sending this delivery right now; try again in a moment" },
});

export const redeliverManyOperation = defineOperation({
  method: "POST",
  path: "/deliveries/redeliver",
  tag: "Deliveries",
  scopes: ["deliveries:write"],
  summary: "Send several again now, each its own attempt (up to 50; answers once every attempt is recorded)",
  body: ZRedeliverMany,
  responses: [{ status: 202, description: "What became of each, in the order given", schema: output(ZRedeliverManyResult) }],
  errors: WRITE_ERRORS,
});

export const checkSignatureOperation = defineOperation({
  method: "POST",
  path: "/deliveries/{id}/check-signature",
  auditExempt: "Checks a signature against a secret the caller sends; changes nothing",
  tag: "Deliveries",
  scopes: ["deliveries:read"],
  summary: "Signature debugger: check a receiver's secret and signature against this delivery",
  params: ZDeliveryId,
  paramDescriptions: DELIVERY_ID,
  body: ZSignatureCheck,
  responses: [{ status: 200, description: "The verdict, the signed string and the expected signature", schema: output(ZSignatureCheckResult) }],
  errors: [...WRITE_ERRORS, 404],
});

export const webhookStatsOperation = defineOperation({
  method: "GET",
  path: "/webhooks/{id}/stats",
  tag: "Deliveries",
  scopes: ["webhooks:read"],
  summary: "Deliveries per hour (succeeded / failed), retried attempts and p50 / p95 response time",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  query: ZStatsQuery,
  responses: [{ status: 200, description: "One bucket per hour, oldest first", schema: list(output(ZStatsBucket)) }],
  errors: [400, 401, 403, 404],
});

export const webhookQueueOperation = defineOperation({
  method: "GET",
  path: "/webhooks/{id}/queue",
  tag: "Deliveries",
  scopes: ["webhooks:read"],
  summary: "Deliveries queued, scheduled and in flight, the limits, and what holds them back",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 200, description: "The webhook's queue now", schema: single(output(ZWebhookQueue)) }],
  errors: [400, 401, 403, 404],
});

export const replayWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks/{id}/replay",
  tag: "Deliveries",
  scopes: ["deliveries:write"],
  summary: "Re-queue the webhook's failed and parked deliveries since a time",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  body: ZReplay,
  responses: [
    {
      status: 200,
      description: "How many were re-queued",
      schema: { type: "object", properties: { requeued: { type: "integer" } }, required: ["requeued"] },
    },
  ],
  errors: [...WRITE_ERRORS, 404],
});
