import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENT_GROUPS } from "@/lib/db/event-catalog";
import { ZEventTypeCreate } from "@/lib/validation/event-type";

const SEEDS = path.resolve(process.cwd(), "../shared/seeds");
const FIXTURES = path.resolve(process.cwd(), "tests/fixtures/seeds");
// The two typos of Teamwork's table the catalog corrects (lib/db/event-catalog.ts).
const TYPO_FIXES: Record<string, string> = { "Producted deleted": "Product deleted", "Currency Updated": "Currency updated" };
const count = (group: string) => EVENT_CATALOG.filter((e) => e.group === group).length;

describe("the built-in event catalog", () => {
  it("has every event of the four source documents, each once", () => {
    expect([count("Teamwork CRM"), count("Teamwork Spaces"), count("Worksection"), count("Twenty")]).toEqual([43, 21, 10, 15]);
    expect(new Set(EVENT_CATALOG.map((e) => e.name)).size).toBe(EVENT_CATALOG.length);
    expect(new Set(EVENT_CATALOG.map((e) => e.group))).toEqual(new Set(EVENT_GROUPS));
    for (const name of [
      "deals.created",
      "installation-settings.updated",
      "page.updated.moved",
      "space.imported",
      "close_task",
      "post_project",
      "reopen_task",
      "opportunity.deleted",
    ]) {
      expect(EVENT_CATALOG.map((e) => e.name)).toContain(name);
    }
  });

  it("is valid by the same rules the API applies to hosts' event types", () => {
    for (const e of EVENT_CATALOG) expect(ZEventTypeCreate.safeParse(e).success, e.name).toBe(true);
  });

  // The vendor documents, as copied into tests/fixtures/seeds (so this runs in every clone).
  const seed = (prefix: string) => fs.readFileSync(path.join(FIXTURES, fs.readdirSync(FIXTURES).find((f) => f.startsWith(prefix)) as string), "utf8");
  const inGroup = (group: string) => EVENT_CATALOG.filter((e) => e.group === group);

  it("matches the Teamwork documents' tables line by line, names and causes", () => {
    const table = (text: string) =>
      text
        .split("\n")
        .map((l) => /^([a-z-]+\.[a-z.-]+) ([A-Z].*)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1], TYPO_FIXES[m[2] as string] ?? m[2]]);
    expect(inGroup("Teamwork CRM").map((e) => [e.name, e.description])).toEqual(table(seed("000_")));
    expect(inGroup("Teamwork Spaces").map((e) => [e.name, e.description])).toEqual(table(seed("001_")));
  });

  it("has exactly Worksection's documented event names, each with its Description column, and reopen_task from its example", () => {
    const text = seed("004_");
    const possible = /Possible values: ([a-z_, ]+)/
      .exec(text)?.[1]
      ?.split(",")
      .map((v) => v.trim());
    // get_webhooks' example answer subscribes to an event the list above leaves out.
    const inExample = /"events": "([a-z_,]+)"/.exec(text)?.[1]?.split(",") ?? [];
    const extra = inExample.filter((name) => !possible?.includes(name));
    expect(extra).toEqual(["reopen_task"]);
    expect(
      inGroup("Worksection")
        .map((e) => e.name)
        .sort(),
    ).toEqual([...(possible ?? []), ...extra].sort());
    // The table's rows are "<event title>Launched when ...": the descriptions, in the table's order,
    // then ours for the event the table does not describe.
    const described = [...text.matchAll(/(Launched when [^\n]+)/g)].map((m) => m[1]?.replace(/\u00a0/g, " ").trim()); // the page uses no-break spaces
    expect(inGroup("Worksection").map((e) => e.description)).toEqual([...described, "Launched when a completed task is reopened"]);
  });

  it("has Twenty's record events, in the document's own words where it gives them", () => {
    const text = seed("003_");
    for (const name of ["person.created", "company.created", "note.created", "person.updated", "company.updated", "person.deleted", "company.deleted"])
      expect(text).toContain(`\`${name}\``);
    const words = (name: string) => EVENT_CATALOG.find((e) => e.name === name)?.description.replace(/^Record \w+: /, "");
    expect(text).toContain(`${words("person.created")} (\`person.created\`)`);
    expect(text).toContain(`${words("company.updated")} (\`company.updated\`)`);
    expect(text).toContain(`an ${words("person.updated")} (\`person.updated\`)`.replace("an an ", "an "));
    for (const e of inGroup("Twenty")) expect(e.description).toMatch(new RegExp(`^Record ${e.name.split(".")[1]}: `));
  });

  it.skipIf(!fs.existsSync(SEEDS))("uses unchanged copies of shared/seeds", () => {
    for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".txt")))
      expect(fs.readFileSync(path.join(FIXTURES, file), "utf8"), file).toBe(fs.readFileSync(path.join(SEEDS, file), "utf8"));
  });
});
