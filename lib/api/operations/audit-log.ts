import { ZAuditQuery } from "../../validation/audit";
import { defineOperation } from "../define-operation";
import { page } from "../openapi-schema";

export const listAuditLogOperation = defineOperation({
  method: "GET",
  path: "/audit-log",
  tag: "Audit log",
  scopes: ["administrative"],
  summary: "Who changed what, when and from where, newest first (keyset pages: pass nextCursor as cursor)",
  query: ZAuditQuery,
  responses: [{ status: 200, description: "A page of audit entries", schema: page("AuditEntry") }],
  errors: [400, 401, 403],
});

export const listInstallationAuditLogOperation = defineOperation({
  method: "GET",
  path: "/installation/audit-log",
  tag: "Audit log",
  scopes: ["operator"],
  level: "installation",
  summary: "The installation's own audit log: workspaces created and deleted, users, sign-ins (operators)",
  query: ZAuditQuery,
  responses: [{ status: 200, description: "A page of audit entries", schema: page("AuditEntry") }],
  errors: [400, 401, 403],
});
