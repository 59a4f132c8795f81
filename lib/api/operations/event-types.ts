import { ZEventTypeCreate } from "../../validation/event-type";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, ref } from "../openapi-schema";

export const listEventTypesOperation = defineOperation({
  method: "GET",
  path: "/event-types",
  tag: "Event types",
  scopes: ["webhooks:read", "events:publish"],
  summary: "The event catalog",
  responses: [{ status: 200, description: "All event types", schema: list(ref("EventType")) }],
  errors: [401, 403],
});

export const createEventTypeOperation = defineOperation({
  method: "POST",
  path: "/event-types",
  tag: "Event types",
  scopes: ["events:publish"],
  summary: "Register an event type",
  body: ZEventTypeCreate,
  bodyName: "EventTypeCreate",
  responses: [{ status: 201, description: "Created", schema: ref("EventType") }],
  errors: [...WRITE_ERRORS, 409],
  errorMeanings: { 409: "An event type of that name exists" },
});
