import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_CATALOG } from "@/lib/db/event-catalog";
import { catalogModel } from "@/lib/db/event-examples";
import { compileSchema } from "@/lib/json-schema/compile-schema";

describe("catalogModel", () => {
  it("gives every built-in event type a schema and an example, and each example is valid against its schema", () => {
    for (const event of EVENT_CATALOG) {
      const model = catalogModel(event);
      expect(model, event.name).not.toBeNull();
      expect(model?.schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(compileSchema(model?.schema)(model?.example), event.name).toEqual([]);
    }
  });

  it("finds the model from the name the way each vendor names events", () => {
    const of = (name: string) => catalogModel(EVENT_CATALOG.find((e) => e.name === name) as (typeof EVENT_CATALOG)[number])?.schema.title;
    expect(of("deals.created")).toBe("Deal");
    expect(of("custom-fields.deleted")).toBe("Custom field");
    expect(of("page.updated.moved")).toBe("Page");
    expect(of("pagepermissions.deleted")).toBe("Page permissions");
    expect(of("close_task")).toBe("Task");
    expect(of("post_comment")).toBe("Comment");
    expect(of("opportunity.updated")).toBe("Opportunity");
    expect(of("hookline.delivery.failed")).toBe("Delivery failed");
    expect(catalogModel({ name: "x.created", group: "Someone else" })).toBeNull();
  });

  it("Twenty's person.created example is the seed's own (tests/fixtures/seeds, a copy of shared/seeds), field for field", () => {
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/seeds/003_e93fb5d130d84896.txt"), "utf8");
    const example = catalogModel({ name: "person.created", group: "Twenty" })?.example as Record<string, unknown>;
    for (const [key, value] of Object.entries(example)) expect(seed, key).toContain(`"${key}": "${value}"`);
  });

  it("the schemas refuse what the models do not allow: a deal's value as text, a Worksection task without its project", () => {
    const deal = catalogModel({ name: "deals.created", group: "Teamwork CRM" });
    expect(compileSchema(deal?.schema)({ ...deal?.example, value: "24000" }).map((i) => i.message)).toEqual(["data.value must be number"]);
    const task = catalogModel({ name: "post_task", group: "Worksection" });
    const { project: _, ...noProject } = (task?.example ?? {}) as Record<string, unknown>;
    expect(compileSchema(task?.schema)(noProject).map((i) => i.message)).toEqual(["data must have required property 'project'"]);
  });
});
