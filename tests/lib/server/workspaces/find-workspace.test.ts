import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import { findWorkspace, requireWorkspace } from "@/lib/server/workspaces/find-workspace";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace } from "../../../helpers/workspace";

const MISSING = "00000000-0000-4000-8000-00000000beef";

describe.each(TEST_DATABASES)("findWorkspace and requireWorkspace on $name", (backend) => {
  const database = freshDatabasePerTest(backend);

  it("finds a workspace by its id or by its slug, as { id, slug, name }", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    await createOtherWorkspace(prisma, "globex");
    expect(await findWorkspace(prisma, acme.id)).toEqual({ id: acme.id, slug: "acme", name: "Workspace acme" });
    expect(await findWorkspace(prisma, "acme")).toEqual(acme);
    expect(await findWorkspace(prisma, "default")).toEqual({ id: DEFAULT_WORKSPACE_ID, slug: "default", name: "Default" });
    expect(await findWorkspace(prisma, DEFAULT_WORKSPACE_ID)).toMatchObject({ slug: "default" });
  });

  it("ignores case and surrounding spaces in an id or a slug", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    expect(await findWorkspace(prisma, "  ACME ")).toEqual(acme);
    expect(await findWorkspace(prisma, "Acme")).toEqual(acme);
    expect(await findWorkspace(prisma, ` ${acme.id.toUpperCase()} `)).toEqual(acme);
  });

  it("is null for an unknown slug, an unknown id, and a near-UUID that is neither", async () => {
    const prisma = database().prisma;
    await createOtherWorkspace(prisma, "acme");
    expect(await findWorkspace(prisma, "nope")).toBeNull();
    expect(await findWorkspace(prisma, MISSING)).toBeNull();
    expect(await findWorkspace(prisma, "acm")).toBeNull();
    // Not a UUID (one character short): looked up as a slug, which no workspace has; never a database error.
    expect(await findWorkspace(prisma, MISSING.slice(0, -1))).toBeNull();
  });

  it("requireWorkspace returns what findWorkspace finds, and throws a not_found DomainError for an unknown one", async () => {
    const prisma = database().prisma;
    const acme = await createOtherWorkspace(prisma, "acme");
    expect(await requireWorkspace(prisma, "ACME")).toEqual(acme);
    expect(await requireWorkspace(prisma, acme.id)).toEqual(acme);
    for (const unknown of ["nope", MISSING]) {
      const error = await requireWorkspace(prisma, unknown).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: "not_found", code: "not_found", message: "Workspace not found" });
    }
  });
});
