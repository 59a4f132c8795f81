import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { runWorksectionAction } from "@/lib/server/worksection/run-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

// The function /api/admin/v2 and /api/oauth2 both call: it takes parameters, not a request, checks
// no credentials (its callers do), answers Worksection's ok body and throws plain domain errors.
describe.each(TEST_DATABASES)("runWorksectionAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("runs the three actions from a record or a Map, answering Worksection's ok body", async () => {
    const { id } = await database().prisma.webhook.create({
      data: { url: "https://a.example/", events: ["post_task"], projects: ["333"], tokenCiphertext: "v1.x.y.z" },
    });
    expect(await runWorksectionAction(ctx(), { action: "get_webhooks", hash: "ignored" })).toEqual({
      status: "ok",
      data: [{ id, url: "https://a.example/", events: "post_task", status: "disabled", projects: "333" }],
    });
    expect(
      await runWorksectionAction(
        ctx(),
        new Map([
          ["action", "delete_webhook"],
          ["id", id],
        ]),
      ),
    ).toEqual({ status: "ok" });
    await expect(runWorksectionAction(ctx(), { action: "add_webhook", events: "post_task" })).rejects.toMatchObject({
      name: "DomainError",
      code: "required",
      issues: [{ path: "url" }],
    });
  });

  it("an unknown, missing or inherited action name is refused, naming it; a NUL in any parameter is refused by name", async () => {
    for (const action of ["get_tasks", "__proto__", "toString"])
      await expect(runWorksectionAction(ctx(), { action }), action).rejects.toMatchObject({
        code: "invalid_action",
        issues: [{ path: "action", message: action }],
      });
    for (const params of [{ action: " " }, {}] as Record<string, string>[])
      await expect(runWorksectionAction(ctx(), params)).rejects.toMatchObject({ code: "invalid_action", issues: [] });
    await expect(runWorksectionAction(ctx(), { action: "get_webhooks", page: "a\u0000b" })).rejects.toMatchObject({
      kind: "invalid",
      code: "validation_failed",
      issues: [{ path: "page" }],
    });
    expect(await database().prisma.webhook.count()).toBe(0);
  });
});
