// PATCH /api/v1/projects/{id} — rename a project
import { renameProjectOperation } from "@/lib/api/operations/projects";
import { withAdmin } from "@/lib/api/with-admin";
import { renameProject } from "@/lib/server/projects/projects";

export const PATCH = withAdmin(renameProjectOperation, ({ params, body, ctx }) => renameProject(ctx, params.id, body));
