// GET /api/v1/projects — list; POST — create, or rename when the id exists (201 created, 200 existing)
import { withAdmin } from "@/lib/api/with-admin";
import { listProjects, upsertProject } from "@/lib/server/catalog/projects";
import { ZProjectCreate } from "@/lib/validation/catalog";

export const GET = withAdmin({}, async () => ({ data: await listProjects() }));

export const POST = withAdmin({ body: ZProjectCreate }, async ({ body }) => {
  const { project, isCreated } = await upsertProject(body);
  return Response.json(project, { status: isCreated ? 201 : 200 });
});
