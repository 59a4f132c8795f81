import { describe, expect, it } from "vitest";
import { decodeChanges, encodeChanges, parseLiveMessage, type TLiveTopic } from "@/lib/live/topics";

const WS_A = "11111111-1111-4111-8111-111111111111";
const WS_B = "22222222-2222-4222-8222-222222222222";

describe("live topics", () => {
  it("parses a stream message, keeping only known topics, and refuses anything else without throwing", () => {
    expect(parseLiveMessage('{"topics":["deliveries","webhooks"]}')).toEqual({ topics: ["deliveries", "webhooks"] });
    expect(parseLiveMessage('{"topics":["deliveries","secrets"]}')).toEqual({ topics: ["deliveries"] });
    for (const bad of ['{"topics":["secrets"]}', '{"topics":"deliveries"}', "null", "[]", "not json", ""]) expect(parseLiveMessage(bad), bad).toBeNull();
  });

  it("encodes changes as one line per workspace and decodes them back, skipping lines that do not parse", () => {
    const changes = new Map<string, Set<TLiveTopic>>([
      [WS_A, new Set(["deliveries", "webhooks"])],
      [WS_B, new Set(["webhooks"])],
    ]);
    const lines = encodeChanges(changes);
    expect(lines).toEqual([`${WS_A} deliveries,webhooks`, `${WS_B} webhooks`]);
    expect(decodeChanges(lines.join("\n"))).toEqual(changes);
    expect(decodeChanges(`garbage\n${WS_A} nothing\n\n${WS_B} deliveries,bogus`)).toEqual(new Map([[WS_B, new Set(["deliveries"])]]));
  });
});
