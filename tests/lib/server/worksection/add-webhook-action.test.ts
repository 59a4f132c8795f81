import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { addWebhookAction } from "@/lib/server/worksection/add-webhook-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { startReceiver } from "../../../helpers/receiver";

describe.each(TEST_DATABASES)("addWebhookAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("creates an enabled webhook from Worksection's parameters once the URL passes; each refusal names what is wrong", async () => {
    await database().prisma.project.create({ data: { id: "333", name: "333" } });
    const receiver = await startReceiver((req, res) => {
      res.statusCode = req.url === "/ok" ? 200 : 503;
      res.end('{"status":"OK"}');
    });
    try {
      const params = (p: Record<string, string>) => new Map(Object.entries(p));
      const { id } = await addWebhookAction(
        ctx(),
        params({ url: `${receiver.url}/ok`, events: "post_task, close_task,post_task", projects: "333", page: "/x/" }),
      );
      expect(await database().prisma.webhook.findUniqueOrThrow({ where: { id } })).toMatchObject({
        enabled: true,
        events: ["post_task", "close_task"],
        projects: ["333"],
        description: "Added with Worksection's add_webhook",
      });
      const refusal = (p: Record<string, string>) => addWebhookAction(ctx(), params(p)).catch((e: unknown) => e);
      expect(await refusal({ url: `${receiver.url}/down`, events: "post_task" })).toMatchObject({ kind: "url_check_failed", details: `${receiver.url}/down` });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "close_task,reopen_tsk,post_tsk" })).toMatchObject({
        kind: "unknown_events",
        details: "reopen_tsk,post_tsk",
      });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", projects: "333,9" })).toMatchObject({ kind: "unknown_projects", details: "9" });
      expect(await refusal({ url: " ", events: "post_task" })).toMatchObject({ kind: "required", details: "url" });
      expect(await refusal({ url: `${receiver.url}/ok` })).toMatchObject({ kind: "required", details: "events" });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", http_user: "a:b" })).toMatchObject({
        kind: "invalid_field",
        details: "http_user: HTTP user cannot contain a colon",
      });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", projects: "p".repeat(101) })).toMatchObject({
        kind: "invalid_field",
        details: "projects: Project id must be at most 100 characters",
      });
      expect(receiver.received.map((r) => r.url)).toEqual(["/ok", "/down"]);
      expect(await database().prisma.webhook.count()).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
