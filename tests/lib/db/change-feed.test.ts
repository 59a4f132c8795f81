import { afterEach, describe, expect, it } from "vitest";
import { announceChanges, announceWorkspaces, GATHER_MS, packPayloads, subscribeChanges } from "@/lib/db/change-feed";
import { openDatabase } from "@/lib/db/open-database";
import { scopedDb } from "@/lib/db/scoped-db";
import type { TLiveTopic } from "@/lib/live/topics";
import { processGlobals } from "@/lib/process-globals";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

const OTHER_WS = "22222222-2222-4222-8222-222222222222";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a listener of `workspaceId` hears, topics merged, until stop(). */
function hear(database: { url?: string }, workspaceId: string) {
  const heard: Set<TLiveTopic>[] = [];
  const stop = subscribeChanges(database, workspaceId, (topics) => heard.push(new Set(topics)));
  stops.push(stop);
  return { heard, all: () => new Set(heard.flatMap((h) => [...h])) };
}
const stops: (() => void)[] = [];
// Inside each block, after its database's hooks: run before the database closes (hooks stack).
const stopAll = () => {
  for (const stop of stops.splice(0)) stop();
};
afterEach(stopAll);

describe("packPayloads", () => {
  it("packs lines into as few payloads as stay under the byte limit, never splitting a line", () => {
    expect(packPayloads(["aaaa", "bbbb", "cccc"], 9)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(packPayloads(["aaaa", "bbbb"], 100)).toEqual(["aaaa\nbbbb"]);
    expect(packPayloads([], 100)).toEqual([]);
    const many = Array.from({ length: 1_000 }, (_, i) => `${String(i).padStart(36, "0")} deliveries,webhooks`);
    const payloads = packPayloads(many);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8_000);
    expect(payloads.join("\n").split("\n")).toEqual(many);
  });
});

describe.each(TEST_DATABASES)("the change feed on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  afterEach(stopAll);

  it("a listener hears the topics announced in its workspace, gathered, and nothing of another workspace", async () => {
    const db = database();
    const mine = hear(db, DEFAULT_WORKSPACE_ID);
    const theirs = hear(db, OTHER_WS);
    await sleep(300); // PostgreSQL: the LISTEN session is up
    announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, ["deliveries"]);
    announceChanges(db.prisma, DEFAULT_WORKSPACE_ID, ["webhooks"]);
    await expect.poll(() => mine.all(), { timeout: 3_000 }).toEqual(new Set(["deliveries", "webhooks"]));
    expect(mine.heard).toHaveLength(1); // gathered into one
    await sleep(GATHER_MS * 3);
    expect(theirs.heard).toEqual([]);
  });

  it("every write of a workspace's scoped client is announced, with what it changes; reads are not", async () => {
    const db = database();
    const mine = hear(db, DEFAULT_WORKSPACE_ID);
    await sleep(300);
    const scoped = scopedDb(db.prisma, DEFAULT_WORKSPACE_ID);
    await scoped.webhook.findMany();
    await sleep(GATHER_MS * 3);
    expect(mine.heard).toEqual([]);
    await scoped.webhook.updateMany({ data: { description: "renamed" } });
    await expect.poll(() => mine.all(), { timeout: 3_000 }).toEqual(new Set(["webhooks", "deliveries"]));
  });

  it("announceWorkspaces announces each workspace of a batch once (the delivery engine's own SQL: publish, claim, record)", async () => {
    const db = database();
    const mine = hear(db, DEFAULT_WORKSPACE_ID);
    await sleep(300);
    announceWorkspaces(db.prisma, [{ workspaceId: DEFAULT_WORKSPACE_ID }, { workspaceId: DEFAULT_WORKSPACE_ID }], ["deliveries"]);
    await expect.poll(() => mine.heard.length, { timeout: 3_000 }).toBe(1);
  });
});

describe.each(TEST_DATABASES.filter((b) => b.name === "postgres"))("the change feed across processes on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  afterEach(stopAll);

  it("a change announced through another client (another process) reaches this one's listener by NOTIFY, and the last listener closes LISTEN", async () => {
    const db = database();
    const other = await openDatabase({ kind: "postgres", url: db.url as string });
    try {
      const mine = hear(db, DEFAULT_WORKSPACE_ID);
      await sleep(500);
      expect(processGlobals().changeFeed?.listening).not.toBeNull();
      announceChanges(other.prisma, DEFAULT_WORKSPACE_ID, ["webhooks"]);
      await expect.poll(() => mine.all(), { timeout: 3_000 }).toEqual(new Set(["webhooks"]));
      for (const stop of stops.splice(0)) stop();
      expect(processGlobals().changeFeed?.listening).toBeNull();
      await expect
        .poll(
          async () =>
            (await other.prisma.$queryRaw<{ n: number }[]>`select count(*)::int as n from pg_listening_channels() c where c = 'hookline_changes'`)[0]?.n,
        )
        .toBe(0);
    } finally {
      await other.close();
    }
  });
});
