import type { ZodType } from "zod";
import { ZAdminApiKey } from "../validation/admin-api-key";
import { ZApiKey, ZApiKeyCreated } from "../validation/api-key";
import { ZAuditEntry } from "../validation/audit";
import { ZDelivery, ZDeliveryDetail } from "../validation/delivery";
import { ZEventDetail, ZPublishBatch, ZPublishEvent, ZPublished, ZPublishedBatch } from "../validation/event";
import { ZEventType, ZEventTypeCreate, ZEventTypeDetail, ZEventTypeUpdate } from "../validation/event-type";
import { ZOAuthApp, ZOAuthAppCreated } from "../validation/oauth";
import { ZProject, ZProjectCreate } from "../validation/project";
import { SCOPE_DESCRIPTIONS, SCOPES } from "../validation/scopes";
import { ZTestResult, ZWebhook, ZWebhookCreate, ZWebhookCreated, ZWebhookTestUrl, ZWebhookUpdate } from "../validation/webhook";
import { ZMember, ZSignInLink, ZSignInLinkCreate, ZWorkspace, ZWorkspaceCreate, ZWorkspacePage, ZWorkspaceUpdate } from "../validation/workspace";
import { HOOKLINE_VERSION } from "../version";
import type { TOperation } from "./define-operation";
import { input, output, ref, strip, type TJson } from "./openapi-schema";
import { ALL_OPERATIONS } from "./operations";

// The OpenAPI 3.1 document, built from the operations (lib/api/operations/) the handlers run with.

const ERROR_MEANING: Record<number, string> = {
  400: "Invalid request (field issues)",
  401: "No or bad credentials",
  403: "Not an admin of the workspace (or not an operator), the credential lacks the operation's scope, or a cross-site cookie write",
  404: "Unknown id",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "The body is not JSON (Content-Type: application/json)",
  422: "The URL test failed",
  503: "The database is unavailable; retry after Retry-After seconds",
};
const json = (schema: TJson, contentType = "application/json") => ({ [contentType]: { schema } });

function parametersOf(op: TOperation): TJson[] {
  const fields = (schema: ZodType | undefined) => {
    if (!schema) return [];
    const s = input(schema) as { properties?: Record<string, TJson>; required?: string[] };
    return Object.entries(s.properties ?? {}).map(([name, schema]) => ({ name, schema, isRequired: s.required?.includes(name) ?? false }));
  };
  return [
    ...fields(op.params).map(({ name, schema }) => ({ name, in: "path", required: true, description: op.paramDescriptions?.[name], schema })),
    ...fields(op.query).map(({ name, schema, isRequired }) => ({ name, in: "query", required: isRequired, schema })),
  ];
}

function operationObject(op: TOperation): TJson {
  const parameters = parametersOf(op);
  const responses = Object.fromEntries([
    ...op.responses.map((r) => [String(r.status), { description: r.description, ...(r.schema ? { content: json(r.schema, r.contentType) } : {}) }]),
    ...op.errors.map((status) => [String(status), { description: op.errorMeanings?.[status] ?? ERROR_MEANING[status], content: json(ref("Error")) }]),
  ]);
  return {
    tags: [op.tag],
    summary: op.summary,
    // Which credential scopes it needs (any one; administrative always does): the apiKey and oauth2
    // requirements list them; a signed-in admin's session needs none.
    security: op.isSessionOnly ? [{ session: [] }] : [{ apiKey: op.scopes }, { oauth2: op.scopes }, { session: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: !op.isBodyOptional, content: json(op.bodyName ? ref(op.bodyName) : strip(input(op.body))) } } : {}),
    responses,
  };
}

function paths(operations: TOperation[]): TJson {
  const byPath: Record<string, TJson> = {};
  for (const op of operations) byPath[op.path] = { ...byPath[op.path], [op.method.toLowerCase()]: operationObject(op) };
  return byPath;
}

const ERROR_SCHEMA = {
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
};

export function buildOpenApiDocument(): TJson {
  return {
    openapi: "3.1.0",
    info: {
      title: "Hookline admin API",
      version: HOOKLINE_VERSION,
      description:
        "Manage webhooks, event types, projects and API keys of a workspace (a credential acts in its own), and, as an operator, the workspaces themselves. Errors: { error: { code, message, issues? } }.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }, { oauth2: [] }, { session: [] }],
    // In the operations' order, so a new group's tag cannot be left out.
    tags: [...new Set(ALL_OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths: paths(ALL_OPERATIONS),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key from Settings → API keys, granted scopes (${SCOPES.join(", ")}); each operation lists the scopes it accepts`,
        },
        oauth2: {
          type: "oauth2",
          description: "An OAuth 2.0 access token of an application registered in Settings → OAuth apps",
          flows: {
            authorizationCode: {
              authorizationUrl: "/oauth/authorize",
              tokenUrl: "/api/oauth/token",
              refreshUrl: "/api/oauth/token",
              scopes: SCOPE_DESCRIPTIONS,
            },
            clientCredentials: { tokenUrl: "/api/oauth/token", scopes: SCOPE_DESCRIPTIONS },
          },
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "An admin's browser session (the cookie is __Secure-next-auth.session-token when the app is served over https); writes need a same-origin Origin header",
        },
      },
      schemas: {
        Error: ERROR_SCHEMA,
        Delivery: strip(output(ZDelivery)),
        DeliveryDetail: strip(output(ZDeliveryDetail)),
        PublishEvent: strip(input(ZPublishEvent)),
        Published: strip(output(ZPublished)),
        PublishBatch: strip(input(ZPublishBatch)),
        PublishedBatch: strip(output(ZPublishedBatch)),
        EventDetail: strip(output(ZEventDetail)),
        Webhook: strip(output(ZWebhook)),
        WebhookCreated: strip(output(ZWebhookCreated)),
        WebhookCreate: strip(input(ZWebhookCreate)),
        WebhookUpdate: strip(input(ZWebhookUpdate)),
        WebhookTestUrl: strip(input(ZWebhookTestUrl)),
        TestResult: strip(output(ZTestResult)),
        EventType: strip(output(ZEventType)),
        EventTypeDetail: strip(output(ZEventTypeDetail)),
        EventTypeCreate: strip(input(ZEventTypeCreate)),
        EventTypeUpdate: strip(input(ZEventTypeUpdate)),
        Project: strip(output(ZProject)),
        ProjectCreate: strip(input(ZProjectCreate)),
        ApiKey: strip(output(ZApiKey)),
        ApiKeyCreated: strip(output(ZApiKeyCreated)),
        AdminApiKey: strip(output(ZAdminApiKey)),
        OAuthApp: strip(output(ZOAuthApp)),
        OAuthAppCreated: strip(output(ZOAuthAppCreated)),
        Workspace: strip(output(ZWorkspace)),
        WorkspacePage: strip(output(ZWorkspacePage)),
        WorkspaceCreate: strip(input(ZWorkspaceCreate)),
        WorkspaceUpdate: strip(input(ZWorkspaceUpdate)),
        SignInLinkCreate: strip(input(ZSignInLinkCreate)),
        SignInLink: strip(output(ZSignInLink)),
        Member: strip(output(ZMember)),
        AuditEntry: strip(output(ZAuditEntry)),
      },
    },
  };
}
