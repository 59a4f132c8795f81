// GET /api/v1/projects — list; POST — create, or rename when the id exists (201 created, 200 existing)
import { listProjectsOperation, upsertProjectOperation } from "@/lib/api/operations/projects";
import { withAdmin } from "@/lib/api/with-admin";
import { listProjects, upsertProject } from "@/lib/server/projects/projects";

export const GET = withAdmin(listProjectsOperation, async ({ ctx }) => ({ data: await listProjects(ctx) }));

export const POST = withAdmin(upsertProjectOperation, async ({ body, ctx }) => {
  const { project, isCreated } = await upsertProject(ctx, body);
  return Response.json(project, { status: isCreated ? 201 : 200 });
});
