import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { runWorksectionAction } from "@/lib/server/worksection/run-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

// The function an OAuth-authenticated /api/oauth2 route will call too: it takes parameters, not a
// request, and checks no credentials (its callers do).
describe.each(TEST_DATABASES)("runWorksectionAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("runs the three actions from a record or a Map, answering Worksection's shape", async () => {
    const { id } = await database().prisma.webhook.create({
      data: { url: "https://a.example/", events: ["post_task"], projects: ["333"], tokenCiphertext: "v1.x.y.z" },
    });
    expect(await runWorksectionAction(ctx(), { action: "get_webhooks", hash: "ignored" })).toEqual({
      status: 200,
      body: { status: "ok", data: [{ id, url: "https://a.example/", events: "post_task", status: "disabled", projects: "333" }] },
    });
    expect(
      await runWorksectionAction(
        ctx(),
        new Map([
          ["action", "delete_webhook"],
          ["id", id],
        ]),
      ),
    ).toEqual({ status: 200, body: { status: "ok" } });
    expect(await runWorksectionAction(ctx(), { action: "add_webhook", events: "post_task" })).toMatchObject({
      status: 400,
      body: { status_code: 4, message_details: "url" },
    });
  });

  it("an unknown, missing or inherited action name is error 1; a NUL in any parameter is refused by name", async () => {
    for (const action of ["get_tasks", "__proto__", "toString", " "])
      expect(await runWorksectionAction(ctx(), { action }), action).toMatchObject({
        status: 400,
        body: { status: "error", status_code: 1, message: "Action is invalid" },
      });
    expect(await runWorksectionAction(ctx(), {})).toEqual({ status: 400, body: { status: "error", status_code: 1, message: "Action is invalid" } });
    expect(await runWorksectionAction(ctx(), { action: "get_webhooks", page: "a\u0000b" })).toMatchObject({
      status: 400,
      body: { status_code: 5, message_details: expect.stringMatching(/^page: /) },
    });
    expect(await database().prisma.webhook.count()).toBe(0);
  });
});
