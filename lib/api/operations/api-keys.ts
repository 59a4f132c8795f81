import { ZApiKeyCreate, ZApiKeyId } from "../../validation/api-key";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, ref } from "../openapi-schema";

// Keys are minted and revoked by a signed-in admin only: a key cannot mint keys.

export const listApiKeysOperation = defineOperation({
  method: "GET",
  path: "/api-keys",
  tag: "API keys",
  scopes: ["administrative"],
  summary: "List API keys (admin session only)",
  isSessionOnly: true,
  responses: [{ status: 200, description: "All keys", schema: list(ref("ApiKey")) }],
  errors: [401, 403],
});

export const createApiKeyOperation = defineOperation({
  method: "POST",
  path: "/api-keys",
  tag: "API keys",
  scopes: ["administrative"],
  summary: "Create an API key (shown once; admin session only)",
  isSessionOnly: true,
  body: ZApiKeyCreate,
  responses: [{ status: 201, description: "Created", schema: ref("ApiKeyCreated") }],
  errors: WRITE_ERRORS,
});

export const revokeApiKeyOperation = defineOperation({
  method: "DELETE",
  path: "/api-keys/{id}",
  tag: "API keys",
  scopes: ["administrative"],
  summary: "Revoke an API key, for good (admin session only)",
  isSessionOnly: true,
  params: ZApiKeyId,
  paramDescriptions: { id: "API key id" },
  responses: [{ status: 200, description: "Revoked", schema: ref("ApiKey") }],
  errors: [400, 401, 403, 404],
});

export const restoreApiKeyOperation = defineOperation({
  method: "POST",
  path: "/api-keys/{id}/restore",
  tag: "API keys",
  scopes: ["administrative"],
  summary: "Restore a key revoked because its creator is no longer an admin: the same key works again, and you become its creator (admin session only)",
  isSessionOnly: true,
  params: ZApiKeyId,
  paramDescriptions: { id: "API key id" },
  responses: [{ status: 200, description: "Restored", schema: ref("ApiKey") }],
  errors: [400, 401, 403, 404, 409],
  errorMeanings: { 409: "Not restorable: it works (not_revoked), or an admin revoked it, which is final (not_restorable)" },
});
