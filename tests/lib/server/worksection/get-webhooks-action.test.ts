import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { getWebhooksAction, toWorksectionWebhook } from "@/lib/server/worksection/get-webhooks-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

const row = {
  id: "8d7a2a4e-5f0e-4c8b-9a51-0c1f5a0f9a11",
  url: "https://a.example/",
  allEvents: false,
  events: ["post_task", "reopen_task"],
  projects: [],
  enabled: true,
};

describe("toWorksectionWebhook", () => {
  it("joins lists with commas, says active or disabled, and leaves projects out when it is all of them", () => {
    expect(toWorksectionWebhook(row)).toEqual({ id: row.id, url: row.url, events: "post_task,reopen_task", status: "active" });
    expect(toWorksectionWebhook({ ...row, projects: ["333", "p2"], enabled: false })).toEqual({
      id: row.id,
      url: row.url,
      events: "post_task,reopen_task",
      status: "disabled",
      projects: "333,p2",
    });
    expect(toWorksectionWebhook({ ...row, allEvents: true, events: [] }).events).toBe("*");
  });
});

describe.each(TEST_DATABASES)("getWebhooksAction on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("lists every webhook, oldest first", async () => {
    expect(await getWebhooksAction(ctx())).toEqual({ data: [] });
    const base = { events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z" };
    await database().prisma.webhook.create({ data: { ...base, url: "https://second.example/", createdAt: new Date("2026-11-30T11:00:00Z") } });
    await database().prisma.webhook.create({ data: { ...base, url: "https://first.example/", createdAt: new Date("2026-11-30T10:00:00Z"), enabled: true } });
    expect((await getWebhooksAction(ctx())).data.map((w) => [w.url, w.status])).toEqual([
      ["https://first.example/", "active"],
      ["https://second.example/", "disabled"],
    ]);
  });

  it("lists only the workspace's own webhooks", async () => {
    const prisma = database().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const base = { events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z" };
    await prisma.webhook.create({ data: { ...base, url: "https://mine.example/" } });
    await prisma.webhook.create({ data: { ...base, url: "https://theirs.example/", workspaceId: otherRef.id } });
    expect((await getWebhooksAction(ctx())).data.map((w) => w.url)).toEqual(["https://mine.example/"]);
    expect((await getWebhooksAction(otherCtx(prisma, otherRef))).data.map((w) => w.url)).toEqual(["https://theirs.example/"]);
  });
});
