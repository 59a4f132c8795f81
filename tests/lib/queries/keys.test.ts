import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { apiKeyKeys, catalogKeys, deliveryKeys, webhookKeys } from "@/lib/queries/keys";

/** The keys a filter (as used by invalidateQueries) matches among `keys`, each holding its own index. */
function matching(filter: readonly unknown[], keys: (readonly unknown[])[]) {
  const client = new QueryClient();
  for (const [i, key] of keys.entries()) client.setQueryData(key, i);
  return client.getQueriesData<number>({ queryKey: filter }).map(([, i]) => i);
}

describe("webhookKeys", () => {
  it("builds each level on the one above", () => {
    expect(webhookKeys.all).toEqual(["webhooks"]);
    expect(webhookKeys.lists()).toEqual(["webhooks", "list"]);
    expect(webhookKeys.list({ status: "failing" })).toEqual(["webhooks", "list", { status: "failing" }]);
    expect(webhookKeys.options()).toEqual(["webhooks", "options"]);
    expect(webhookKeys.details()).toEqual(["webhooks", "detail"]);
    expect(webhookKeys.detail("w1")).toEqual(["webhooks", "detail", "w1"]);
  });

  it("lets invalidation target a level: lists() matches every list but not options or details", () => {
    const keys = [webhookKeys.list({}), webhookKeys.list({ status: "disabled" }), webhookKeys.options(), webhookKeys.detail("w1"), deliveryKeys.list({})];
    expect(matching(webhookKeys.lists(), keys)).toEqual([0, 1]);
    expect(matching(webhookKeys.details(), keys)).toEqual([3]);
    expect(matching(webhookKeys.all, keys)).toEqual([0, 1, 2, 3]);
  });
});

describe("deliveryKeys", () => {
  it("builds lists, details, stats and queues under one root", () => {
    expect(deliveryKeys.all).toEqual(["deliveries"]);
    expect(deliveryKeys.lists()).toEqual(["deliveries", "list"]);
    expect(deliveryKeys.list({ webhookId: "w1" })).toEqual(["deliveries", "list", { webhookId: "w1" }]);
    expect(deliveryKeys.detail("d1")).toEqual(["deliveries", "detail", "d1"]);
    expect(deliveryKeys.stats("w1", "24h")).toEqual(["deliveries", "stats", "w1", "24h"]);
    expect(deliveryKeys.queue("w1")).toEqual(["deliveries", "queue", "w1"]);
  });

  it("deliveryKeys.all reaches a webhook's stats and queue; lists() reaches only lists", () => {
    const keys = [deliveryKeys.list({}), deliveryKeys.detail("d1"), deliveryKeys.stats("w1", "7d"), deliveryKeys.queue("w1"), webhookKeys.detail("w1")];
    expect(matching(deliveryKeys.all, keys)).toEqual([0, 1, 2, 3]);
    expect(matching(deliveryKeys.lists(), keys)).toEqual([0]);
  });
});

describe("catalogKeys and apiKeyKeys", () => {
  it("are single roots apart from the others", () => {
    expect(catalogKeys.eventTypes).toEqual(["event-types"]);
    expect(catalogKeys.projects).toEqual(["projects"]);
    expect(apiKeyKeys.all).toEqual(["api-keys"]);
    const keys = [catalogKeys.eventTypes, catalogKeys.projects, apiKeyKeys.all, webhookKeys.all];
    expect(matching(apiKeyKeys.all, keys)).toEqual([2]);
    expect(matching(catalogKeys.projects, keys)).toEqual([1]);
  });
});
