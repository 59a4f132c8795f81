import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { listProjects, renameProject, upsertProject } from "@/lib/server/projects/projects";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { zodPath } from "../../../helpers/refusals";

describe.each(TEST_DATABASES)("projects on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("creates a project named by its id until renamed, and upserts an existing one", async () => {
    const first = await upsertProject(ctx(), { id: "crm:42" });
    expect(first).toMatchObject({ isCreated: true, project: { id: "crm:42", name: "crm:42" } });
    expect(await upsertProject(ctx(), { id: "crm:42", name: "Sales" })).toMatchObject({ isCreated: false, project: { id: "crm:42", name: "Sales" } });
    // Without a name an existing project keeps its own.
    expect(await upsertProject(ctx(), { id: "crm:42" })).toMatchObject({ isCreated: false, project: { name: "Sales" } });
    await upsertProject(ctx(), { id: "a", name: "Zeta" });
    await upsertProject(ctx(), { id: "b", name: "Alpha" });
    expect(await renameProject(ctx(), "b", { name: " Omega " })).toMatchObject({ id: "b", name: "Omega" });
    expect((await listProjects(ctx())).map((p) => [p.id, p.name])).toEqual([
      ["b", "Omega"],
      ["crm:42", "Sales"],
      ["a", "Zeta"],
    ]);
    expect((await listProjects(ctx()))[1]?.createdAt).toBe(first.project.createdAt);
  });

  it("refuses bad ids and names and an unknown project, writing nothing", async () => {
    await upsertProject(ctx(), { id: "p1", name: "One" });
    expect(await zodPath(upsertProject(ctx(), { id: "has space" }))).toEqual(["id"]);
    expect(await zodPath(upsertProject(ctx(), { id: "x".repeat(101) }))).toEqual(["id"]);
    expect(await zodPath(upsertProject(ctx(), { id: "p1", name: "  " }))).toEqual(["name"]);
    expect(await zodPath(renameProject(ctx(), "p1", { name: "" }))).toEqual(["name"]);
    await expect(renameProject(ctx(), "ghost", { name: "Ghost" })).rejects.toMatchObject({ kind: "not_found", message: "Project not found" });
    expect(await database().prisma.project.findMany({ select: { id: true, name: true } })).toEqual([{ id: "p1", name: "One" }]);
  });
});
