import { describe, expect, it } from "vitest";
import { ZDeliveryId, ZDeliveryListQuery, ZReplay, ZSignatureCheck, ZStatsQuery } from "@/lib/validation/delivery";

const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("delivery schemas", () => {
  it("the log's query: defaults, bounds and each filter's field named when wrong", () => {
    expect(ZDeliveryListQuery.parse({})).toEqual({ limit: 50 });
    expect(ZDeliveryListQuery.parse({ limit: "200", status: "in_flight", statusClass: "none", since: "2026-11-30T10:00:00+01:00" })).toMatchObject({
      limit: 200,
      status: "in_flight",
      statusClass: "none",
    });
    expect(pathsOf(ZDeliveryListQuery.safeParse({ limit: "201" }))).toEqual(["limit"]);
    expect(pathsOf(ZDeliveryListQuery.safeParse({ webhookId: "nope" }))).toEqual(["webhookId"]);
    expect(pathsOf(ZDeliveryListQuery.safeParse({ status: "lost" }))).toEqual(["status"]);
    expect(pathsOf(ZDeliveryListQuery.safeParse({ since: "yesterday" }))).toEqual(["since"]);
    expect(pathsOf(ZDeliveryListQuery.safeParse({ event: "x".repeat(101) }))).toEqual(["event"]);
    expect(pathsOf(ZDeliveryListQuery.safeParse({ cursor: "c".repeat(201) }))).toEqual(["cursor"]);
  });

  it("ids, replay, stats range and the signature debugger's input", () => {
    expect(pathsOf(ZDeliveryId.safeParse({ id: "123" }))).toEqual(["id"]);
    expect(pathsOf(ZReplay.safeParse({}))).toEqual(["since"]);
    expect(pathsOf(ZReplay.safeParse({ since: "2026-11-30T10:00:00Z", extra: 1 }))).toEqual([""]);
    expect(ZStatsQuery.parse({})).toEqual({ range: "24h" });
    expect(pathsOf(ZStatsQuery.safeParse({ range: "1y" }))).toEqual(["range"]);
    expect(ZSignatureCheck.parse({ secret: "s", signature: "  abc  " })).toEqual({ secret: "s", signature: "abc" });
    expect(pathsOf(ZSignatureCheck.safeParse({ secret: "", signature: " " }))).toEqual(["secret", "signature"]);
    expect(pathsOf(ZSignatureCheck.safeParse({ secret: "s".repeat(257), signature: "a" }))).toEqual(["secret"]);
  });
});
