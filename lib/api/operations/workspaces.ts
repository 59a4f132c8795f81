import {
  ZMemberParams,
  ZMembershipAdd,
  ZSessionWorkspace,
  ZSignInLinkCreate,
  ZWorkspaceCreate,
  ZWorkspaceDeleteQuery,
  ZWorkspaceIdParam,
  ZWorkspaceListQuery,
  ZWorkspaceUpdate,
} from "../../validation/workspace";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { ref } from "../openapi-schema";

// The installation's operations: an operator (signed in, or a key with the operator scope) manages
// workspaces and mints their sign-in links. The host product calls these.

const WORKSPACE_ID = { id: "Workspace id or slug" };

export const createWorkspaceOperation = defineOperation({
  method: "POST",
  path: "/workspaces",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Create a workspace (operator): one customer of the host product, with its own admins, webhooks and log",
  body: ZWorkspaceCreate,
  bodyName: "WorkspaceCreate",
  responses: [{ status: 201, description: "Created", schema: ref("Workspace") }],
  errors: [...WRITE_ERRORS, 409],
  errorMeanings: { 409: "The slug is taken" },
});

export const listWorkspacesOperation = defineOperation({
  method: "GET",
  path: "/workspaces",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "List workspaces, oldest first (keyset pages: pass nextCursor as cursor)",
  query: ZWorkspaceListQuery,
  responses: [{ status: 200, description: "A page of workspaces", schema: ref("WorkspacePage") }],
  errors: [400, 401, 403],
});

export const getWorkspaceOperation = defineOperation({
  method: "GET",
  path: "/workspaces/{id}",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Get a workspace",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  responses: [{ status: 200, description: "The workspace", schema: ref("Workspace") }],
  errors: [400, 401, 403, 404],
});

export const updateWorkspaceOperation = defineOperation({
  method: "PATCH",
  path: "/workspaces/{id}",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Rename a workspace, change its slug, or set its delivery limits (maxInFlight, rateLimitPerSecond; null = none)",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  body: ZWorkspaceUpdate,
  bodyName: "WorkspaceUpdate",
  responses: [{ status: 200, description: "Updated", schema: ref("Workspace") }],
  errors: [...WRITE_ERRORS, 404, 409],
  errorMeanings: { 409: "The slug is taken" },
});

export const deleteWorkspaceOperation = defineOperation({
  method: "DELETE",
  path: "/workspaces/{id}",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Delete a workspace and everything in it (409 while it has webhooks, unless ?force=true; Default cannot be deleted)",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  query: ZWorkspaceDeleteQuery,
  responses: [{ status: 204, description: "Deleted" }],
  errors: [400, 401, 403, 404, 409],
  errorMeanings: { 409: "It still has webhooks (send ?force=true), or it is the Default workspace" },
});

export const createSignInLinkOperation = defineOperation({
  method: "POST",
  path: "/workspaces/{id}/sign-in-links",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary:
    "A one-time link that signs a person in to this workspace (creating the user and the membership when missing) and lands on its Settings → Webhooks. Works once, expires (default 300 s)",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  body: ZSignInLinkCreate,
  bodyName: "SignInLinkCreate",
  responses: [{ status: 201, description: "The link (its token is shown this once; only its hash is kept)", schema: ref("SignInLink") }],
  errors: [...WRITE_ERRORS, 404],
});

export const switchWorkspaceOperation = defineOperation({
  method: "POST",
  path: "/session/workspace",
  auditExempt: "Switches which workspace this browser shows; changes no data",
  tag: "Workspaces",
  scopes: ["administrative"],
  level: "session",
  isSessionOnly: true,
  summary: "Switch the browser session to another of the user's workspaces (the header's switcher)",
  body: ZSessionWorkspace,
  responses: [{ status: 200, description: "Switched", schema: { type: "object", properties: { id: { type: "string" }, slug: { type: "string" } } } }],
  errors: [400, 401, 403, 404],
});

export const listMembersOperation = defineOperation({
  method: "GET",
  path: "/workspaces/{id}/members",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "List a workspace's members and their roles",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  responses: [{ status: 200, description: "Its members", schema: { type: "object", properties: { data: { type: "array", items: ref("Member") } } } }],
  errors: [400, 401, 403, 404],
});

export const addMemberOperation = defineOperation({
  method: "POST",
  path: "/workspaces/{id}/members",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Add an existing user to a workspace, or change their role there (admin → member revokes the credentials they made there)",
  params: ZWorkspaceIdParam,
  paramDescriptions: WORKSPACE_ID,
  body: ZMembershipAdd,
  responses: [{ status: 200, description: "The membership", schema: ref("Member") }],
  errors: [...WRITE_ERRORS, 404],
});

export const removeMemberOperation = defineOperation({
  method: "DELETE",
  path: "/workspaces/{id}/members/{email}",
  tag: "Workspaces",
  scopes: ["operator"],
  level: "installation",
  summary: "Remove a member from a workspace (the credentials they made there are revoked, restorable by another admin)",
  params: ZMemberParams,
  paramDescriptions: { ...WORKSPACE_ID, email: "The member's email" },
  responses: [{ status: 204, description: "Removed" }],
  errors: [400, 401, 403, 404],
});
