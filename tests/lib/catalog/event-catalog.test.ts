import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENT_GROUPS } from "@/lib/catalog/event-catalog";
import { ZEventTypeCreate } from "@/lib/validation/catalog";

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
const count = (group: string) => EVENT_CATALOG.filter((e) => e.group === group).length;

describe("the built-in event catalog", () => {
  it("has every event of the four source documents, each once", () => {
    expect([count("Teamwork CRM"), count("Teamwork Spaces"), count("Worksection"), count("Twenty")]).toEqual([43, 21, 9, 15]);
    expect(new Set(EVENT_CATALOG.map((e) => e.name)).size).toBe(EVENT_CATALOG.length);
    expect(new Set(EVENT_CATALOG.map((e) => e.group))).toEqual(new Set(EVENT_GROUPS));
    for (const name of [
      "deals.created",
      "installation-settings.updated",
      "page.updated.moved",
      "space.imported",
      "close_task",
      "post_project",
      "opportunity.deleted",
    ]) {
      expect(EVENT_CATALOG.map((e) => e.name)).toContain(name);
    }
  });

  it("is valid by the same rules the API applies to hosts' event types", () => {
    for (const e of EVENT_CATALOG) expect(ZEventTypeCreate.safeParse(e).success, e.name).toBe(true);
  });

  it.skipIf(!fs.existsSync(SEEDS))("matches the Teamwork documents' tables line by line", () => {
    const names = (file: string) =>
      fs
        .readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((f) => f.startsWith(file)) as string), "utf8")
        .split("\n")
        .map((l) => /^([a-z-]+\.[a-z.-]+) [A-Z]/.exec(l)?.[1])
        .filter(Boolean);
    expect(EVENT_CATALOG.filter((e) => e.group === "Teamwork CRM").map((e) => e.name)).toEqual(names("000_"));
    expect(EVENT_CATALOG.filter((e) => e.group === "Teamwork Spaces").map((e) => e.name)).toEqual(names("001_"));
  });
});
