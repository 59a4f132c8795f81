import { defineOperation } from "../define-operation";
import { ref } from "../openapi-schema";

// The Worksection-compatible administrative key: read and replaced by a signed-in admin only, and
// accepted only as the hash key of /api/admin/v2 (never as a Bearer key here).

export const revealAdminApiKeyOperation = defineOperation({
  method: "GET",
  path: "/admin-api-key",
  tag: "API keys",
  summary: "Reveal the administrative API key for the Worksection-compatible /api/admin/v2 (admin session only)",
  scopes: ["administrative"],
  isSessionOnly: true,
  responses: [{ status: 200, description: "The key", schema: ref("AdminApiKey") }],
  errors: [401, 403, 404],
  errorMeanings: { 404: "No administrative key has been made yet (regenerate makes the first)" },
});

export const regenerateAdminApiKeyOperation = defineOperation({
  method: "POST",
  path: "/admin-api-key/regenerate",
  tag: "API keys",
  summary: "Make the administrative API key, or replace it: the old one stops working at once (admin session only)",
  scopes: ["administrative"],
  isSessionOnly: true,
  responses: [{ status: 200, description: "The new key", schema: ref("AdminApiKey") }],
  errors: [401, 403],
});
