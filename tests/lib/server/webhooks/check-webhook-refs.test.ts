import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { assertEventsExist, assertProjectsExist, assertTargetAllowed } from "@/lib/server/webhooks/check-webhook-refs";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("webhook reference checks on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("accepts known events and projects, and refuses each unknown one by its index", async () => {
    await database().prisma.project.create({ data: { id: "p1", name: "P1" } });
    await expect(assertEventsExist(ctx(), ["*"])).resolves.toBeUndefined();
    await expect(assertEventsExist(ctx(), ["deals.created", "deals.updated"])).resolves.toBeUndefined();
    await expect(assertEventsExist(ctx(), ["nope", "deals.created", "*"])).rejects.toMatchObject({
      kind: "invalid",
      code: "validation_failed",
      message: 'Unknown event type "nope"; Unknown event type "*"',
      issues: [
        { path: "events.0", message: 'Unknown event type "nope"' },
        { path: "events.2", message: 'Unknown event type "*"' },
      ],
    });
    await expect(assertProjectsExist(ctx(), [])).resolves.toBeUndefined();
    await expect(assertProjectsExist(ctx(), ["p1"])).resolves.toBeUndefined();
    await expect(assertProjectsExist(ctx(), ["p1", "P1"])).rejects.toMatchObject({
      kind: "invalid",
      issues: [{ path: "projects.1", message: 'Unknown project "P1"' }],
    });
  });
});

describe("assertTargetAllowed", () => {
  // Only IP literals and injected resolvers: nothing is looked up or contacted.
  it("accepts an allow-listed address and a name that does not resolve yet", async () => {
    await expect(assertTargetAllowed("http://127.0.0.1:9/x")).resolves.toBeUndefined();
    const unresolvable = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    await expect(assertTargetAllowed("https://not-yet.example/x", unresolvable)).resolves.toBeUndefined();
  });

  it("refuses a blocked address, or a name that resolves to one, on the url field", async () => {
    await expect(assertTargetAllowed("http://10.1.2.3/x")).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "url" }] });
    await expect(assertTargetAllowed("http://127.0.0.2/x")).rejects.toMatchObject({ kind: "invalid", issues: [{ path: "url" }] });
    const rebinding = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "192.168.1.10", family: 4 },
    ];
    const error = await assertTargetAllowed("https://rebind.example/x", rebinding).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid", issues: [{ path: "url" }] });
    expect((error as Error).message).toMatch(/^This URL is not allowed: rebind\.example resolves to /);
    // How to let it through on purpose, with the value to add.
    expect((error as Error).message).toContain("An operator can allow it: add rebind.example to HOOKLINE_ALLOWED_TARGETS");
    const literal = await assertTargetAllowed("http://10.1.2.3/x").catch((e: unknown) => e);
    expect((literal as Error).message).toContain("add 10.1.2.3 to HOOKLINE_ALLOWED_TARGETS");
  });
});
