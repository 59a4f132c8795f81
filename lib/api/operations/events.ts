import { ZEventId, ZPublishBatch, ZPublishEvent } from "../../validation/event";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { ref } from "../openapi-schema";

export const publishEventOperation = defineOperation({
  method: "POST",
  path: "/events",
  auditExempt: "Publishing is the host product's traffic, not a change of settings (the delivery log records it)",
  tag: "Events",
  scopes: ["events:publish"],
  summary: "Publish an event: one delivery per matching enabled webhook, written in one transaction",
  body: ZPublishEvent,
  bodyName: "PublishEvent",
  responses: [{ status: 202, description: "Accepted", schema: ref("Published") }],
  errors: WRITE_ERRORS,
});

export const publishBatchOperation = defineOperation({
  method: "POST",
  path: "/events/batch",
  auditExempt: "Publishing is the host product's traffic, not a change of settings (the delivery log records it)",
  tag: "Events",
  scopes: ["events:publish"],
  summary:
    "Publish up to HOOKLINE_MAX_BATCH_EVENTS (500) events in one transaction. Every event is checked first: an issue's path names its index (events.3.event) and nothing is written. idempotencyKey works per event, also between events of one batch.",
  body: ZPublishBatch,
  bodyName: "PublishBatch",
  responses: [{ status: 202, description: "Accepted: one result per event, in order", schema: ref("PublishedBatch") }],
  errors: WRITE_ERRORS,
});

export const getEventOperation = defineOperation({
  method: "GET",
  path: "/events/{id}",
  tag: "Events",
  scopes: ["deliveries:read"],
  summary: "An event as a unit: its body, when it was published, and every delivery it made with its webhook and outcome",
  params: ZEventId,
  paramDescriptions: { id: "Event id (the id in every delivery's body)" },
  responses: [{ status: 200, description: "The event", schema: ref("EventDetail") }],
  errors: [400, 401, 403, 404],
});
