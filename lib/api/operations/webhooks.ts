import { ZFilterTry, ZFilterTryResult } from "../../validation/payload-filter";
import { ZRotateToken, ZWebhookCreate, ZWebhookId, ZWebhookListQuery, ZWebhookTest, ZWebhookTestUrl, ZWebhookUpdate } from "../../validation/webhook";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { output, page, ref } from "../openapi-schema";

const WEBHOOK_ID = { id: "Webhook id" };
const READ_ONE_ERRORS = [400, 401, 403, 404];

export const listWebhooksOperation = defineOperation({
  method: "GET",
  path: "/webhooks",
  tag: "Webhooks",
  scopes: ["webhooks:read"],
  summary: "List webhooks, newest first",
  query: ZWebhookListQuery,
  responses: [{ status: 200, description: "A page of webhooks", schema: page("Webhook") }],
  errors: [400, 401, 403],
});

export const createWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Create a webhook (disabled; the token is returned once)",
  body: ZWebhookCreate,
  bodyName: "WebhookCreate",
  responses: [{ status: 201, description: "Created", schema: ref("WebhookCreated") }],
  errors: WRITE_ERRORS,
});

export const testUnsavedWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks/test",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Send a signed ping to an unsaved URL",
  body: ZWebhookTestUrl,
  bodyName: "WebhookTestUrl",
  responses: [{ status: 200, description: "What happened", schema: ref("TestResult") }],
  errors: WRITE_ERRORS,
});

export const getWebhookOperation = defineOperation({
  method: "GET",
  path: "/webhooks/{id}",
  tag: "Webhooks",
  scopes: ["webhooks:read"],
  summary: "Get a webhook",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 200, description: "The webhook", schema: ref("Webhook") }],
  errors: READ_ONE_ERRORS,
});

export const updateWebhookOperation = defineOperation({
  method: "PATCH",
  path: "/webhooks/{id}",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary:
    "Update some fields. A new URL for an enabled webhook is tested first, as enabling is; a failed test answers 422 and saves nothing, unless the same request sets enabled: false",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  body: ZWebhookUpdate,
  bodyName: "WebhookUpdate",
  responses: [{ status: 200, description: "Updated", schema: ref("Webhook") }],
  errors: [...WRITE_ERRORS, 404, 422],
  errorMeanings: { 422: "The new URL's test failed: nothing was saved (send enabled: false to save it disabled)" },
});

export const deleteWebhookOperation = defineOperation({
  method: "DELETE",
  path: "/webhooks/{id}",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Delete a webhook",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 204, description: "Deleted" }],
  errors: READ_ONE_ERRORS,
});

export const testWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks/{id}/test",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Send a signed ping now (optionally to the form's unsaved URL), or an event type's example",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  body: ZWebhookTest,
  isBodyOptional: true,
  responses: [{ status: 200, description: "What happened", schema: ref("TestResult") }],
  errors: [...WRITE_ERRORS, 404],
});

export const enableWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks/{id}/enable",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Test the URL, then enable",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 200, description: "Enabled", schema: ref("Webhook") }],
  errors: [...READ_ONE_ERRORS, 422],
});

export const disableWebhookOperation = defineOperation({
  method: "POST",
  path: "/webhooks/{id}/disable",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Disable now",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 200, description: "Disabled", schema: ref("Webhook") }],
  errors: READ_ONE_ERRORS,
});

export const rotateTokenOperation = defineOperation({
  method: "POST",
  path: "/webhooks/{id}/rotate-token",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Replace the signing token; the old one keeps signing beside it for the chosen overlap (default 24 h; now: not at all)",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  body: ZRotateToken,
  isBodyOptional: true,
  responses: [
    {
      status: 200,
      description: "The new token",
      schema: {
        type: "object",
        properties: { token: { type: "string" }, previousTokenExpiresAt: { type: ["string", "null"], description: "null when the old token stopped at once" } },
        required: ["token", "previousTokenExpiresAt"],
      },
    },
  ],
  errors: [...WRITE_ERRORS, 404],
});

export const revealTokenOperation = defineOperation({
  method: "GET",
  path: "/webhooks/{id}/token",
  tag: "Webhooks",
  scopes: ["webhooks:write"],
  summary: "Reveal the signing token",
  params: ZWebhookId,
  paramDescriptions: WEBHOOK_ID,
  responses: [{ status: 200, description: "The token", schema: { type: "object", properties: { token: { type: "string" } }, required: ["token"] } }],
  errors: READ_ONE_ERRORS,
});

export const tryFilterOperation = defineOperation({
  method: "POST",
  path: "/webhooks/try-filter",
  auditExempt: "Runs a payload filter on an example; changes nothing",
  tag: "Webhooks",
  scopes: ["webhooks:read", "webhooks:write"],
  summary: "Try a payload filter on an event type's example, or on pasted data",
  body: ZFilterTry,
  responses: [{ status: 200, description: "Whether it matches, and the envelope it was run on", schema: output(ZFilterTryResult) }],
  errors: WRITE_ERRORS,
});
