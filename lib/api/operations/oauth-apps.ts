import { ZConsent, ZOAuthAppCreate, ZOAuthAppId, ZOAuthAppUpdate, ZOAuthTokenId } from "../../validation/oauth";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, ref } from "../openapi-schema";

// Applications are registered, and their tokens revoked, by a signed-in admin only, like API keys.

export const listOAuthAppsOperation = defineOperation({
  method: "GET",
  path: "/oauth-apps",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "List OAuth applications with their live tokens (admin session only)",
  isSessionOnly: true,
  responses: [{ status: 200, description: "All applications", schema: list(ref("OAuthApp")) }],
  errors: [401, 403],
});

export const createOAuthAppOperation = defineOperation({
  method: "POST",
  path: "/oauth-apps",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "Register an OAuth application, confidential (its client secret is shown once) or public (no secret); admin session only",
  isSessionOnly: true,
  body: ZOAuthAppCreate,
  responses: [{ status: 201, description: "Registered", schema: ref("OAuthAppCreated") }],
  errors: WRITE_ERRORS,
});

export const deleteOAuthAppOperation = defineOperation({
  method: "DELETE",
  path: "/oauth-apps/{id}",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "Delete an OAuth application and end all its tokens (admin session only)",
  isSessionOnly: true,
  params: ZOAuthAppId,
  paramDescriptions: { id: "Application id" },
  responses: [{ status: 204, description: "Deleted" }],
  errors: [400, 401, 403, 404],
});

export const updateOAuthAppOperation = defineOperation({
  method: "PATCH",
  path: "/oauth-apps/{id}",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "Rename an OAuth application or replace its redirect URIs (admin session only)",
  isSessionOnly: true,
  params: ZOAuthAppId,
  paramDescriptions: { id: "Application id" },
  body: ZOAuthAppUpdate,
  responses: [{ status: 200, description: "Updated", schema: ref("OAuthApp") }],
  errors: [...WRITE_ERRORS, 404],
});

export const rotateOAuthSecretOperation = defineOperation({
  method: "POST",
  path: "/oauth-apps/{id}/rotate-secret",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "A new client secret, shown once; the old one stops working at once, issued tokens keep working (admin session only)",
  isSessionOnly: true,
  params: ZOAuthAppId,
  paramDescriptions: { id: "Application id" },
  responses: [{ status: 200, description: "Rotated: clientSecret is the new secret", schema: ref("OAuthAppCreated") }],
  errors: [400, 401, 403, 404, 409],
  errorMeanings: { 409: "A public client has no secret (public_client)" },
});

export const restoreOAuthAppOperation = defineOperation({
  method: "POST",
  path: "/oauth-apps/{id}/restore",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary:
    "Restore an application revoked because its creator is no longer an admin: the same client id and secret work again, and you become its creator; its old tokens stay ended (admin session only)",
  isSessionOnly: true,
  params: ZOAuthAppId,
  paramDescriptions: { id: "Application id" },
  responses: [{ status: 200, description: "Restored", schema: ref("OAuthApp") }],
  errors: [400, 401, 403, 404, 409],
  errorMeanings: { 409: "Not restorable: it works (not_revoked)" },
});

export const revokeOAuthTokenOperation = defineOperation({
  method: "DELETE",
  path: "/oauth-tokens/{id}",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "Revoke one OAuth grant: its access and refresh tokens (admin session only)",
  isSessionOnly: true,
  params: ZOAuthTokenId,
  paramDescriptions: { id: "Token id (from the application's tokens)" },
  responses: [{ status: 204, description: "Revoked" }],
  errors: [400, 401, 403, 404],
});

export const consentOperation = defineOperation({
  method: "POST",
  path: "/oauth-consent",
  tag: "OAuth applications",
  scopes: ["administrative"],
  summary: "Approve or deny an authorization request; answers where to send the browser (the consent page; admin session only)",
  isSessionOnly: true,
  body: ZConsent,
  responses: [
    {
      status: 200,
      description: "The redirect URI with code and state, or error=access_denied",
      schema: { type: "object", required: ["redirectTo"], properties: { redirectTo: { type: "string" } } },
    },
  ],
  errors: WRITE_ERRORS,
  errorMeanings: { 400: "The request is not one to send anywhere: unknown client, unregistered redirect URI, or field issues" },
});
