import { describe, expect, it } from "vitest";
import { getWebhooksAction, toWorksectionWebhook } from "@/lib/server/worksection/get-webhooks-action";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

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

  it("lists every webhook, oldest first", async () => {
    expect(await getWebhooksAction()).toEqual({ data: [] });
    const base = { events: ["post_task"], projects: [], tokenCiphertext: "v1.x.y.z" };
    await database().prisma.webhook.create({ data: { ...base, url: "https://second.example/", createdAt: new Date("2026-11-30T11:00:00Z") } });
    await database().prisma.webhook.create({ data: { ...base, url: "https://first.example/", createdAt: new Date("2026-11-30T10:00:00Z"), enabled: true } });
    expect((await getWebhooksAction()).data.map((w) => [w.url, w.status])).toEqual([
      ["https://first.example/", "active"],
      ["https://second.example/", "disabled"],
    ]);
  });
});
