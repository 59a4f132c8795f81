// PATCH /api/v1/projects/{id} — rename a project
import { withAdmin } from "@/lib/api/with-admin";
import { renameProject } from "@/lib/server/catalog/projects";
import { ZProjectId, ZProjectRename } from "@/lib/validation/catalog";

export const PATCH = withAdmin({ params: ZProjectId, body: ZProjectRename }, ({ params, body }) => renameProject(params.id, body));
