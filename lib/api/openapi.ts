import { type ZodType, z } from "zod";
import { ZApiKey, ZApiKeyCreate, ZApiKeyCreated, ZEventType, ZEventTypeCreate, ZProject, ZProjectCreate, ZProjectRename } from "../validation/catalog";
import {
  ZDelivery,
  ZDeliveryDetail,
  ZDeliveryListQuery,
  ZReplay,
  ZSignatureCheck,
  ZSignatureCheckResult,
  ZStatsBucket,
  ZWebhookQueue,
} from "../validation/delivery";
import { ZPublishBatch, ZPublishEvent, ZPublished, ZPublishedBatch } from "../validation/event";
import {
  ZRotateToken,
  ZTestResult,
  ZWebhook,
  ZWebhookCreate,
  ZWebhookCreated,
  ZWebhookListQuery,
  ZWebhookTestUrl,
  ZWebhookUpdate,
} from "../validation/webhook";
import { HOOKLINE_VERSION } from "../version";

// The OpenAPI 3.1 document, generated from the same Zod schemas the handlers parse with, so the
// documentation cannot drift from what the API accepts.

type Json = Record<string, unknown>;
const input = (s: ZodType): Json => z.toJSONSchema(s, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
const output = (s: ZodType): Json => z.toJSONSchema(s, { io: "output", unrepresentable: "any", target: "draft-2020-12" }) as Json;
const strip = ({ $schema: _ignored, ...rest }: Json): Json => rest;

const ERROR = { $ref: "#/components/schemas/Error" };
const json = (schema: Json) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: {
          400: "Invalid request (field issues)",
          401: "No or bad credentials",
          403: "Not an admin, or a cross-site cookie write",
          404: "Unknown id",
          409: "Already exists",
          413: "Body too large",
          415: "The body is not JSON (Content-Type: application/json)",
          422: "The URL test failed",
          503: "The database is unavailable; retry after Retry-After seconds",
        }[c],
        content: json(ERROR),
      },
    ]),
  );
const ok = (status: number, description: string, schema?: Json) => ({ [String(status)]: { description, ...(schema ? { content: json(schema) } : {}) } });
const body = (schema: Json, required = true) => ({ requestBody: { required, content: json(schema) } });
const idParam = (description: string, format?: string) => ({
  name: "id",
  in: "path",
  required: true,
  description,
  schema: { type: "string", ...(format ? { format } : {}) },
});
const page = (item: string) => ({
  type: "object",
  properties: { data: { type: "array", items: ref(item) }, nextCursor: { type: ["string", "null"] } },
  required: ["data", "nextCursor"],
});
const list = (item: string) => ({ type: "object", properties: { data: { type: "array", items: ref(item) } }, required: ["data"] });

function queryParams(schema: ZodType): Json[] {
  const s = input(schema) as { properties: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties).map(([name, p]) => ({ name, in: "query", required: s.required?.includes(name) ?? false, schema: p }));
}

export function buildOpenApiDocument(): Json {
  const webhookId = idParam("Webhook id", "uuid");
  const write = [400, 401, 403];
  return {
    openapi: "3.1.0",
    info: {
      title: "Hookline admin API",
      version: HOOKLINE_VERSION,
      description: "Manage webhooks, event types, projects and API keys. Errors: { error: { code, message, issues? } }.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }, { session: [] }],
    tags: [{ name: "Events" }, { name: "Deliveries" }, { name: "Webhooks" }, { name: "Event types" }, { name: "Projects" }, { name: "API keys" }],
    paths: {
      "/events": {
        post: {
          tags: ["Events"],
          summary: "Publish an event: one delivery per matching enabled webhook, written in one transaction",
          ...body(ref("PublishEvent")),
          responses: { ...ok(202, "Accepted", ref("Published")), ...errors(...write, 413, 415, 503) },
        },
      },
      "/events/batch": {
        post: {
          tags: ["Events"],
          summary:
            "Publish up to HOOKLINE_MAX_BATCH_EVENTS (500) events in one transaction. Every event is checked first: an issue's path names its index (events.3.event) and nothing is written. idempotencyKey works per event, also between events of one batch.",
          ...body(ref("PublishBatch")),
          responses: { ...ok(202, "Accepted: one result per event, in order", ref("PublishedBatch")), ...errors(...write, 413, 415, 503) },
        },
      },
      "/deliveries": {
        get: {
          tags: ["Deliveries"],
          summary: "The delivery log, newest first",
          parameters: queryParams(ZDeliveryListQuery),
          responses: { ...ok(200, "A page of deliveries", page("Delivery")), ...errors(400, 401, 403) },
        },
      },
      "/deliveries/{id}": {
        parameters: [idParam("Delivery id (the Delivery / webhook-id header)", "uuid")],
        get: {
          tags: ["Deliveries"],
          summary: "A delivery with every attempt",
          responses: { ...ok(200, "The delivery", ref("DeliveryDetail")), ...errors(400, 401, 403, 404) },
        },
      },
      "/deliveries/{id}/redeliver": {
        parameters: [idParam("Delivery id", "uuid")],
        post: {
          tags: ["Deliveries"],
          summary: "Send it again now (same id, trigger manual)",
          responses: { ...ok(202, "The delivery after the attempt", ref("DeliveryDetail")), ...errors(400, 401, 403, 404, 409) },
        },
      },
      "/deliveries/{id}/check-signature": {
        parameters: [idParam("Delivery id", "uuid")],
        post: {
          tags: ["Deliveries"],
          summary: "Signature debugger: check a receiver's secret and signature against this delivery",
          ...body(input(ZSignatureCheck)),
          responses: { ...ok(200, "The verdict, the signed string and the expected signature", output(ZSignatureCheckResult)), ...errors(...write, 404) },
        },
      },
      "/webhooks/{id}/stats": {
        parameters: [webhookId],
        get: {
          tags: ["Deliveries"],
          summary: "Deliveries per hour (succeeded / failed), retried attempts and p50 / p95 response time",
          parameters: [{ name: "range", in: "query", required: false, schema: { type: "string", enum: ["24h", "7d"], default: "24h" } }],
          responses: {
            ...ok(200, "One bucket per hour, oldest first", {
              type: "object",
              properties: { data: { type: "array", items: output(ZStatsBucket) } },
              required: ["data"],
            }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      "/webhooks/{id}/queue": {
        parameters: [webhookId],
        get: {
          tags: ["Deliveries"],
          summary: "Deliveries queued, scheduled and in flight, the limits, and what holds them back",
          responses: {
            ...ok(200, "The webhook's queue now", { type: "object", properties: { data: output(ZWebhookQueue) }, required: ["data"] }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      "/webhooks/{id}/replay": {
        parameters: [webhookId],
        post: {
          tags: ["Deliveries"],
          summary: "Re-queue the webhook's failed and parked deliveries since a time",
          ...body(input(ZReplay)),
          responses: {
            ...ok(200, "How many were re-queued", { type: "object", properties: { requeued: { type: "integer" } }, required: ["requeued"] }),
            ...errors(...write, 404),
          },
        },
      },
      "/webhooks": {
        get: {
          tags: ["Webhooks"],
          summary: "List webhooks, newest first",
          parameters: queryParams(ZWebhookListQuery),
          responses: { ...ok(200, "A page of webhooks", page("Webhook")), ...errors(400, 401, 403) },
        },
        post: {
          tags: ["Webhooks"],
          summary: "Create a webhook (disabled; the token is returned once)",
          ...body(ref("WebhookCreate")),
          responses: { ...ok(201, "Created", ref("WebhookCreated")), ...errors(...write) },
        },
      },
      "/webhooks/test": {
        post: {
          tags: ["Webhooks"],
          summary: "Send a signed ping to an unsaved URL",
          ...body(ref("WebhookTestUrl")),
          responses: { ...ok(200, "What happened", ref("TestResult")), ...errors(...write) },
        },
      },
      "/webhooks/{id}": {
        parameters: [webhookId],
        get: { tags: ["Webhooks"], summary: "Get a webhook", responses: { ...ok(200, "The webhook", ref("Webhook")), ...errors(400, 401, 403, 404) } },
        patch: {
          tags: ["Webhooks"],
          summary: "Update some fields",
          ...body(ref("WebhookUpdate")),
          responses: { ...ok(200, "Updated", ref("Webhook")), ...errors(...write, 404) },
        },
        delete: { tags: ["Webhooks"], summary: "Delete a webhook", responses: { ...ok(204, "Deleted"), ...errors(400, 401, 403, 404) } },
      },
      "/webhooks/{id}/test": {
        parameters: [webhookId],
        post: {
          tags: ["Webhooks"],
          summary: "Send a signed ping now (optionally to the form's unsaved URL)",
          ...body(input(ZWebhookTestUrl.partial()), false),
          responses: { ...ok(200, "What happened", ref("TestResult")), ...errors(...write, 404) },
        },
      },
      "/webhooks/{id}/enable": {
        parameters: [webhookId],
        post: {
          tags: ["Webhooks"],
          summary: "Test the URL, then enable",
          responses: { ...ok(200, "Enabled", ref("Webhook")), ...errors(400, 401, 403, 404, 422) },
        },
      },
      "/webhooks/{id}/disable": {
        parameters: [webhookId],
        post: { tags: ["Webhooks"], summary: "Disable now", responses: { ...ok(200, "Disabled", ref("Webhook")), ...errors(400, 401, 403, 404) } },
      },
      "/webhooks/{id}/rotate-token": {
        parameters: [webhookId],
        post: {
          tags: ["Webhooks"],
          summary: "Replace the signing token; the old one keeps signing for 24 h",
          ...body(input(ZRotateToken), false),
          responses: {
            ...ok(200, "The new token", {
              type: "object",
              properties: { token: { type: "string" }, previousTokenExpiresAt: { type: "string" } },
              required: ["token"],
            }),
            ...errors(...write, 404),
          },
        },
      },
      "/webhooks/{id}/token": {
        parameters: [webhookId],
        get: {
          tags: ["Webhooks"],
          summary: "Reveal the signing token",
          responses: {
            ...ok(200, "The token", { type: "object", properties: { token: { type: "string" } }, required: ["token"] }),
            ...errors(400, 401, 403, 404),
          },
        },
      },
      "/event-types": {
        get: { tags: ["Event types"], summary: "The event catalog", responses: { ...ok(200, "All event types", list("EventType")), ...errors(401, 403) } },
        post: {
          tags: ["Event types"],
          summary: "Register an event type",
          ...body(ref("EventTypeCreate")),
          responses: { ...ok(201, "Created", ref("EventType")), ...errors(...write, 409) },
        },
      },
      "/projects": {
        get: { tags: ["Projects"], summary: "List projects", responses: { ...ok(200, "All projects", list("Project")), ...errors(401, 403) } },
        post: {
          tags: ["Projects"],
          summary: "Create a project, or rename it when the id exists",
          ...body(ref("ProjectCreate")),
          responses: {
            ...ok(201, "Created", ref("Project")),
            ...ok(200, "Already existed (renamed if a name was given)", ref("Project")),
            ...errors(...write),
          },
        },
      },
      "/projects/{id}": {
        parameters: [idParam("The host's project id")],
        patch: {
          tags: ["Projects"],
          summary: "Rename a project",
          ...body(input(ZProjectRename)),
          responses: { ...ok(200, "Renamed", ref("Project")), ...errors(...write, 404) },
        },
      },
      "/api-keys": {
        get: {
          tags: ["API keys"],
          summary: "List API keys (admin session only)",
          security: [{ session: [] }],
          responses: { ...ok(200, "All keys", list("ApiKey")), ...errors(401, 403) },
        },
        post: {
          tags: ["API keys"],
          summary: "Create an API key (shown once; admin session only)",
          security: [{ session: [] }],
          ...body(input(ZApiKeyCreate)),
          responses: { ...ok(201, "Created", ref("ApiKeyCreated")), ...errors(...write) },
        },
      },
      "/api-keys/{id}": {
        parameters: [idParam("API key id", "uuid")],
        delete: {
          tags: ["API keys"],
          summary: "Revoke an API key (admin session only)",
          security: [{ session: [] }],
          responses: { ...ok(200, "Revoked", ref("ApiKey")), ...errors(400, 401, 403, 404) },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "An admin's browser session (the cookie is __Secure-next-auth.session-token when the app is served over https); writes need a same-origin Origin header",
        },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                issues: {
                  type: "array",
                  items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
                },
              },
            },
          },
        },
        Delivery: strip(output(ZDelivery)),
        DeliveryDetail: strip(output(ZDeliveryDetail)),
        PublishEvent: strip(input(ZPublishEvent)),
        Published: strip(output(ZPublished)),
        PublishBatch: strip(input(ZPublishBatch)),
        PublishedBatch: strip(output(ZPublishedBatch)),
        Webhook: strip(output(ZWebhook)),
        WebhookCreated: strip(output(ZWebhookCreated)),
        WebhookCreate: strip(input(ZWebhookCreate)),
        WebhookUpdate: strip(input(ZWebhookUpdate)),
        WebhookTestUrl: strip(input(ZWebhookTestUrl)),
        TestResult: strip(output(ZTestResult)),
        EventType: strip(output(ZEventType)),
        EventTypeCreate: strip(input(ZEventTypeCreate)),
        Project: strip(output(ZProject)),
        ProjectCreate: strip(input(ZProjectCreate)),
        ApiKey: strip(output(ZApiKey)),
        ApiKeyCreated: strip(output(ZApiKeyCreated)),
      },
    },
  };
}
