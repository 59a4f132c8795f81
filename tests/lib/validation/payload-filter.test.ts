import { describe, expect, it } from "vitest";
import {
  checkFilter,
  FILTER_IN_MAX,
  FILTER_MAX_CONDITIONS,
  FILTER_MAX_DEPTH,
  isIsoInstant,
  matchesFilter,
  ZPayloadFilter,
} from "@/lib/validation/payload-filter";

const messages = (f: unknown) => checkFilter(f).map((i) => i.message);

describe("checkFilter", () => {
  it("accepts the documented language", () => {
    for (const f of [
      { "data.amount": { $gt: 1000 } },
      { event: { $in: ["deals.created", "deals.updated"] }, projectId: "p1" },
      { "data.owner.id": 7, "data.tags.0": "vip", "data.gone": { $exists: false } },
      { timestamp: { $gte: "2026-01-31", $lt: "2026-02-01T12:00:00+02:00" } },
      { $or: [{ "data.status": "won" }, { $not: { "data.amount": { $lte: 5 } } }], $and: [{ id: { $ne: "x" } }, { "data.n": { $nin: [1, 2] } }] },
      { "data.note": null },
    ])
      expect(checkFilter(f), JSON.stringify(f)).toEqual([]);
  });

  it("names what is wrong and where", () => {
    expect(checkFilter({ "data.amount": { $gt: "lots" } })).toEqual([
      { path: "filter.data.amount.$gt", message: "filter.data.amount.$gt: must be a number or an ISO 8601 date, such as 2026-01-31 or 2026-01-31T12:00:00Z" },
    ]);
    expect(messages({ "data.amount": { $regex: "^a" } })).toEqual([
      "filter.data.amount.$regex: unknown operator; use one of $eq, $ne, $in, $nin, $exists, $gt, $gte, $lt, $lte",
    ]);
    expect(messages({ $where: "this.a > 1" })).toEqual([
      "filter.$where: unknown operator here; a filter's keys are paths such as data.amount, or $and, $or, $not",
    ]);
    expect(messages({ "data..x": 1 })[0]).toMatch(/is not a path/);
    expect(messages({ "body.x": 1 })).toEqual(["filter.body.x: paths start at id, event, timestamp, projectId or data"]);
    expect(messages({ "data.x": [1] })).toEqual(["filter.data.x: compare with a string, number, true, false or null, not a list"]);
    expect(messages({ "data.x": { $in: [] } })).toEqual(["filter.data.x.$in: must be a non-empty list of values"]);
    expect(messages({ "data.x": { $exists: 1 } })).toEqual(["filter.data.x.$exists: must be true or false"]);
    expect(messages({ "data.x": {} })[0]).toMatch(/an empty condition matches nothing/);
    expect(messages({ $or: [] })).toEqual(["filter.$or: must be a non-empty list of filters"]);
    expect(messages({ $and: [{ "data.a": { $lt: "2026-02-30" } }] })).toEqual([
      "filter.$and.0.data.a.$lt: must be a number or an ISO 8601 date, such as 2026-01-31 or 2026-01-31T12:00:00Z",
    ]);
    expect(messages([])).toEqual([`filter: must be a JSON object of conditions, such as { "data.amount": { "$gt": 100 } }, not a list`]);
    expect(messages({})).toEqual(["filter: is empty: leave the filter out to receive every event"]);
  });

  it("is bounded: depth, conditions, list sizes and bytes", () => {
    let deep: Record<string, unknown> = { "data.a": 1 };
    for (let i = 0; i < FILTER_MAX_DEPTH; i++) deep = { $not: deep };
    expect(messages(deep).some((m) => m.includes(`nests deeper than ${FILTER_MAX_DEPTH} levels`))).toBe(true);
    const many = Object.fromEntries(Array.from({ length: FILTER_MAX_CONDITIONS + 1 }, (_, i) => [`data.f${i}`, i]));
    expect(messages(many)).toEqual([`filter: has ${FILTER_MAX_CONDITIONS + 1} conditions; the limit is ${FILTER_MAX_CONDITIONS}`]);
    expect(messages({ "data.a": { $in: Array.from({ length: FILTER_IN_MAX + 1 }, (_, i) => i) } })[0]).toMatch(/at most 100 values/);
    expect(messages({ "data.a": "x".repeat(9_000) })[0]).toMatch(/^filter: is \d+ characters; the limit is 8192$/);
  });

  it("ISO instants: dates and date-times with or without an offset; not impossible dates", () => {
    for (const s of ["2026-01-31", "2026-01-31T12:00", "2026-01-31T12:00:00Z", "2026-01-31T12:00:00.123+02:00", "2026-01-31 12:00:00"])
      expect(isIsoInstant(s), s).toBe(true);
    for (const s of ["2026-13-01", "2026-02-30", "2026-01-31T24:00", "yesterday", "2026-1-1", "12:00"]) expect(isIsoInstant(s), s).toBe(false);
  });

  it("as the webhook field: the same checks, each message naming its spot", () => {
    const parsed = ZPayloadFilter.safeParse({ "data.a": { $gt: "x" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: [], message: expect.stringMatching(/^filter\.data\.a\.\$gt: /) });
  });
});

describe("matchesFilter", () => {
  const envelope = {
    id: "e1",
    event: "deals.created",
    timestamp: "2026-03-02T09:15:00.000Z",
    projectId: null,
    data: { amount: 1200, tags: ["a"], when: "2026-03-02T10:00:00+02:00", day: "2026-03-02", local: "2026-03-02 09:00", n: null },
  };
  it("compares instants whatever their offsets; a date alone is midnight UTC, a time without an offset is UTC", () => {
    expect(matchesFilter({ "data.when": { $lt: "2026-03-02T08:30:00Z" } }, envelope)).toBe(true); // 10:00+02:00 is 08:00Z
    expect(matchesFilter({ "data.day": { $gte: "2026-03-02T00:00:00Z", $lt: "2026-03-02T00:00:01Z" } }, envelope)).toBe(true);
    expect(matchesFilter({ "data.local": { $gt: "2026-03-02T08:59:59Z" } }, envelope)).toBe(true);
    expect(matchesFilter({ timestamp: { $lte: "2026-03-02T09:15:00+0000" } }, envelope)).toBe(true);
  });
  it("absent values: not equal, not existing, never greater; null exists", () => {
    expect(matchesFilter({ "data.gone": { $ne: 1 } }, envelope)).toBe(true);
    expect(matchesFilter({ "data.gone": { $gt: 0 } }, envelope)).toBe(false);
    expect(matchesFilter({ "data.n": { $exists: true } }, envelope)).toBe(true);
    expect(matchesFilter({ "data.amount.deeper": 1 }, envelope)).toBe(false);
    expect(matchesFilter({ "data.tags.0": "a", "data.tags.x": { $exists: false } }, envelope)).toBe(true);
  });
});
