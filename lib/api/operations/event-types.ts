import { ZEventTypeCreate, ZEventTypeName, ZEventTypeUpdate } from "../../validation/event-type";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, ref } from "../openapi-schema";

export const listEventTypesOperation = defineOperation({
  method: "GET",
  path: "/event-types",
  tag: "Event types",
  scopes: ["webhooks:read", "events:publish"],
  summary: "The event catalog",
  responses: [{ status: 200, description: "All event types (their schemas and examples: GET /event-types/{name})", schema: list(ref("EventType")) }],
  errors: [401, 403],
});

export const createEventTypeOperation = defineOperation({
  method: "POST",
  path: "/event-types",
  tag: "Event types",
  scopes: ["events:publish"],
  summary: "Register an event type, optionally with a JSON Schema and an example",
  body: ZEventTypeCreate,
  bodyName: "EventTypeCreate",
  responses: [{ status: 201, description: "Created", schema: ref("EventTypeDetail") }],
  errors: [...WRITE_ERRORS, 409],
  errorMeanings: {
    400: "A field is invalid: the schema does not compile (or could be slow: nested repetition in a pattern, uniqueItems), or the example does not match it",
    409: "An event type of that name exists",
  },
});

export const getEventTypeOperation = defineOperation({
  method: "GET",
  path: "/event-types/{name}",
  tag: "Event types",
  scopes: ["webhooks:read", "events:publish"],
  summary: "An event type with its JSON Schema and example",
  params: ZEventTypeName,
  paramDescriptions: { name: "The event type's name, such as deals.created" },
  responses: [{ status: 200, description: "The event type", schema: ref("EventTypeDetail") }],
  errors: [400, 401, 403, 404],
});

export const updateEventTypeOperation = defineOperation({
  method: "PATCH",
  path: "/event-types/{name}",
  tag: "Event types",
  scopes: ["events:publish"],
  summary: "Change a registered event type: description, group, schema, example",
  params: ZEventTypeName,
  paramDescriptions: { name: "The name of one of this workspace's own event types" },
  body: ZEventTypeUpdate,
  bodyName: "EventTypeUpdate",
  responses: [{ status: 200, description: "Changed", schema: ref("EventTypeDetail") }],
  errors: [...WRITE_ERRORS, 404, 409],
  errorMeanings: {
    400: "A field is invalid: the schema does not compile, or the example (the new one or the kept one) does not match the schema",
    409: "A built-in event type: shared by every workspace, it cannot be changed",
  },
});
