import { ZProjectCreate, ZProjectId, ZProjectRename } from "../../validation/project";
import { defineOperation, WRITE_ERRORS } from "../define-operation";
import { list, ref } from "../openapi-schema";

export const listProjectsOperation = defineOperation({
  method: "GET",
  path: "/projects",
  tag: "Projects",
  scopes: ["webhooks:read", "events:publish"],
  summary: "List projects",
  responses: [{ status: 200, description: "All projects", schema: list(ref("Project")) }],
  errors: [401, 403],
});

export const upsertProjectOperation = defineOperation({
  method: "POST",
  path: "/projects",
  tag: "Projects",
  scopes: ["events:publish"],
  summary: "Create a project, or rename it when the id exists",
  body: ZProjectCreate,
  bodyName: "ProjectCreate",
  responses: [
    { status: 201, description: "Created", schema: ref("Project") },
    { status: 200, description: "Already existed (renamed if a name was given)", schema: ref("Project") },
  ],
  errors: WRITE_ERRORS,
});

export const renameProjectOperation = defineOperation({
  method: "PATCH",
  path: "/projects/{id}",
  tag: "Projects",
  scopes: ["events:publish"],
  summary: "Rename a project",
  params: ZProjectId,
  paramDescriptions: { id: "The host's project id" },
  body: ZProjectRename,
  responses: [{ status: 200, description: "Renamed", schema: ref("Project") }],
  errors: [...WRITE_ERRORS, 404],
});
