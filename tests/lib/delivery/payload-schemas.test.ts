import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { forgetSchema, schemaIssues } from "@/lib/delivery/payload-schemas";
import { createEventType } from "@/lib/server/event-types/event-types";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../helpers/workspace";

describe.each(TEST_DATABASES)("schemaIssues on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("checks built-in types against the catalog's schema", async () => {
    expect(await schemaIssues(ctx(), "deals.created", { id: 1, title: "Big" })).toEqual([]);
    expect((await schemaIssues(ctx(), "deals.created", { id: "one" })).map((i) => i.message)).toEqual([
      "data must have required property 'title'",
      "data.id must be integer",
    ]);
  });

  it("checks a workspace's own type against its schema; a type without one, or another workspace's, checks nothing", async () => {
    await createEventType(ctx(), {
      name: "invoices.paid",
      description: "d",
      group: "g",
      schema: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] },
    });
    await createEventType(ctx(), { name: "invoices.sent", description: "d", group: "g" });
    expect(await schemaIssues(ctx(), "invoices.paid", { amount: 5 })).toEqual([]);
    expect(await schemaIssues(ctx(), "invoices.paid", {})).toEqual([{ path: "data", message: "data must have required property 'amount'" }]);
    expect(await schemaIssues(ctx(), "invoices.sent", {})).toEqual([]);
    const other = otherCtx(db().prisma, await createOtherWorkspace(db().prisma));
    expect(await schemaIssues(other, "invoices.paid", {})).toEqual([]);
  });

  it("keeps a schema for a few seconds; a change made in this process applies at once (forgetSchema)", async () => {
    await createEventType(ctx(), { name: "invoices.paid", description: "d", group: "g", schema: { type: "object", required: ["a"] } });
    expect(await schemaIssues(ctx(), "invoices.paid", {})).toHaveLength(1);
    // Changed behind this process's back (another app process): still the kept schema...
    await db().prisma.customEventType.updateMany({ data: { schema: { type: "object" } } });
    expect(await schemaIssues(ctx(), "invoices.paid", {})).toHaveLength(1);
    // ...until it is forgotten (a PATCH here) or its time is up.
    forgetSchema(ctx(), "invoices.paid");
    expect(await schemaIssues(ctx(), "invoices.paid", {})).toEqual([]);
  });
});
