// PATCH /api/v1/projects/{id} — rename a project
import { renameProjectOperation } from "@/lib/api/operations/catalog";
import { withAdmin } from "@/lib/api/with-admin";
import { renameProject } from "@/lib/server/catalog/projects";

export const PATCH = withAdmin(renameProjectOperation, ({ params, body }) => renameProject(params.id, body));
