import { describe, expect, it } from "vitest";
import { POST as tryRoute } from "@/app/api/v1/webhooks/try-filter/route";
import { catalogModel } from "@/lib/db/event-examples";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { tryFilter } from "@/lib/server/webhooks/try-filter";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { adminKey, call } from "../../../helpers/routes";

// The language's every operator, run by the function the outbox uses (matchesFilter), through Try it.
const DATA = { amount: 1200, tags: ["a", "b"], owner: { id: 7 }, closeAt: "2026-04-30", note: null, title: "Big" };
const CASES: [Record<string, unknown>, boolean][] = [
  [{ "data.amount": 1200 }, true],
  [{ "data.amount": 1200.0, "data.title": "Big" }, true],
  [{ "data.amount": "1200" }, false], // types are not coerced
  [{ "data.amount": { $eq: 1200 } }, true],
  [{ "data.amount": { $ne: 1200 } }, false],
  [{ "data.missing": { $ne: 1 } }, true], // absent is "not that"
  [{ "data.amount": { $gt: 1000 } }, true],
  [{ "data.amount": { $gt: 1200 } }, false],
  [{ "data.amount": { $gte: 1200, $lte: 1200 } }, true],
  [{ "data.amount": { $lt: 1200 } }, false],
  [{ "data.title": { $gt: 5 } }, false], // a string is not a number
  [{ "data.amount": { $in: [1, 1200] } }, true],
  [{ "data.amount": { $nin: [1, 1200] } }, false],
  [{ "data.tags": "a" }, true], // an array contains it
  [{ "data.tags": { $in: ["x", "b"] } }, true],
  [{ "data.tags.1": "b" }, true],
  [{ "data.owner.id": 7 }, true],
  [{ "data.note": null }, true],
  [{ "data.note": { $exists: true } }, true],
  [{ "data.missing": { $exists: false } }, true],
  [{ "data.missing": { $exists: true } }, false],
  [{ "data.closeAt": { $lt: "2026-05-01T00:00:00Z" } }, true],
  [{ "data.closeAt": { $gt: "2026-04-30T00:00:00+02:00" } }, true], // 2026-04-30 is midnight UTC, after 22:00 UTC the day before
  [{ "data.title": { $lt: "2026-05-01" } }, false], // not a date
  [{ event: "deals.created", projectId: null }, true],
  [{ event: { $in: ["deals.updated"] } }, false],
  [{ $or: [{ "data.amount": 1 }, { "data.owner.id": 7 }] }, true],
  [{ $or: [{ "data.amount": 1 }, { "data.owner.id": 8 }] }, false],
  [{ $and: [{ "data.amount": { $gt: 1 } }, { "data.tags": "b" }] }, true],
  [{ $not: { "data.amount": { $gt: 1 } } }, false],
  [{ $not: { $or: [{ "data.amount": 1 }] } }, true],
];

describe.each(TEST_DATABASES)("payload filters tried on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("every operator, as the outbox evaluates it", async () => {
    for (const [filter, expected] of CASES) {
      const { matches } = await tryFilter(ctx(), { filter, event: "deals.created", data: DATA });
      expect(matches, JSON.stringify(filter)).toBe(expected);
    }
  });

  it("tries the event type's example when nothing is pasted, and says which envelope it ran on", async () => {
    const result = await tryFilter(ctx(), { filter: { "data.value": { $gt: 10_000 } }, event: "deals.created" });
    expect(result.matches).toBe(true);
    expect(result.envelope).toMatchObject({
      event: "deals.created",
      projectId: null,
      data: catalogModel({ name: "deals.created", group: "Teamwork CRM" })?.example,
    });
  });

  it("over the API: 400 naming the filter's problem, or the event; nothing about it is stored", async () => {
    const key = await adminKey();
    const res = await call(tryRoute, { method: "POST", key, body: { filter: { "data.a": { $regex: "x" } }, event: "deals.created" } });
    expect(res).toMatchObject({
      status: 400,
      json: { error: { issues: [{ path: "filter", message: expect.stringMatching(/^filter\.data\.a\.\$regex: unknown operator/) }] } },
    });
    const unknown = await call(tryRoute, { method: "POST", key, body: { filter: { event: "x" }, event: "nope.nope" } });
    expect(unknown).toMatchObject({ status: 400, json: { error: { issues: [{ path: "event" }] } } });
    const ok = await call(tryRoute, { method: "POST", key, body: { filter: { "data.id": 1 }, event: "post_task", data: { id: 1 } } });
    expect(ok).toMatchObject({ status: 200, json: { matches: true } });
    expect(await db().prisma.event.count()).toBe(0);
  });
});
