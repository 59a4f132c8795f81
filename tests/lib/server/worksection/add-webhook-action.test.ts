import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import type { DomainError } from "@/lib/errors/domain-error";
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
      // Plain domain errors: a code, and issues naming the parameter (and, where Worksection quotes them, the values at fault).
      const refusal = (p: Record<string, string>) =>
        addWebhookAction(ctx(), params(p)).then(
          () => null,
          (e: DomainError) => ({ code: e.code, issues: e.issues?.map((i) => `${i.path}=${i.message}`) }),
        );
      expect(await refusal({ url: `${receiver.url}/down`, events: "post_task" })).toEqual({ code: "test_failed", issues: [`url=${receiver.url}/down`] });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "close_task,reopen_tsk,post_tsk" })).toEqual({
        code: "unknown_events",
        issues: ["events=reopen_tsk", "events=post_tsk"],
      });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", projects: "333,9" })).toEqual({
        code: "unknown_projects",
        issues: ["projects=9"],
      });
      expect(await refusal({ url: " ", events: "post_task" })).toEqual({ code: "required", issues: ["url=url is required"] });
      expect(await refusal({ url: `${receiver.url}/ok` })).toEqual({ code: "required", issues: ["events=events is required"] });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", http_user: "a:b" })).toEqual({
        code: "validation_failed",
        issues: ["http_user=HTTP user cannot contain a colon"],
      });
      expect(await refusal({ url: `${receiver.url}/ok`, events: "post_task", projects: "p".repeat(101) })).toEqual({
        code: "validation_failed",
        issues: ["projects=Project id must be at most 100 characters"],
      });
      expect(receiver.received.map((r) => r.url)).toEqual(["/ok", "/down"]);
      expect(await database().prisma.webhook.count()).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
