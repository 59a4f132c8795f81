import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { ZApiKeyCreate } from "@/lib/validation/api-key";
import { ZDeliveryListQuery, ZSignatureCheck } from "@/lib/validation/delivery";
import { ZPublishEvent } from "@/lib/validation/event";
import { EVENT_NAME_MAX, ZEventTypeCreate } from "@/lib/validation/event-type";
import { ZProjectCreate, ZProjectId } from "@/lib/validation/project";
import { ZSignIn, ZUserCreate } from "@/lib/validation/user";
import { ZWebhookCreate, ZWebhookUpdate } from "@/lib/validation/webhook";

// Every length-limited string field says its limit: "... at most N characters", at the field's path.
const over = (n: number) => "a".repeat(n + 1);
const event = { name: "a.b", description: "d", group: "g" };
const hook = { url: "https://hooks.example.com/in", events: ["a.b"] };
const email = (n: number) => `${"a".repeat(n - "@b.io".length)}@b.io`;

const cases: [string, ZodType, unknown, string, number][] = [
  ["event type name", ZEventTypeCreate, { ...event, name: over(100) }, "name", 100],
  ["event type description", ZEventTypeCreate, { ...event, description: over(500) }, "description", 500],
  ["event type group", ZEventTypeCreate, { ...event, group: over(60) }, "group", 60],
  ["project id", ZProjectCreate, { id: over(100) }, "id", 100],
  ["project id param", ZProjectId, { id: over(100) }, "id", 100],
  ["API key name", ZApiKeyCreate, { name: over(100) }, "name", 100],
  ["published event", ZPublishEvent, { event: over(100) }, "event", 100],
  ["published project id", ZPublishEvent, { event: "a", projectId: over(100) }, "projectId", 100],
  ["idempotency key", ZPublishEvent, { event: "a", idempotencyKey: over(200) }, "idempotencyKey", 200],
  ["delivery event filter", ZDeliveryListQuery, { event: over(100) }, "event", 100],
  ["delivery cursor", ZDeliveryListQuery, { cursor: over(200) }, "cursor", 200],
  ["signature secret", ZSignatureCheck, { secret: over(256), signature: "s" }, "secret", 256],
  ["signature", ZSignatureCheck, { secret: "s", signature: over(2000) }, "signature", 2000],
  ["signature body", ZSignatureCheck, { secret: "s", signature: "s", body: over(1024 * 1024) }, "body", 1024 * 1024],
  ["sign-in email", ZSignIn, { email: email(255), password: "p" }, "email", 254],
  ["sign-in password", ZSignIn, { email: "a@b.io", password: over(256) }, "password", 256],
  ["user password", ZUserCreate, { email: "a@b.io", password: over(256) }, "password", 256],
  ["user name", ZUserCreate, { email: "a@b.io", password: "p".repeat(64), name: over(100) }, "name", 100],
  ["webhook event", ZWebhookCreate, { ...hook, events: [over(100)] }, "events.0", 100],
  ["webhook project", ZWebhookCreate, { ...hook, projects: [over(100)] }, "projects.0", 100],
  ["webhook update event", ZWebhookUpdate, { events: [over(100)] }, "events.0", 100],
];

describe("max-length messages state the limit", () => {
  it.each(cases)("%s", (_label, schema, input, path, limit) => {
    const r = schema.safeParse(input);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues.find((i) => i.startsWith(`${path}: `))).toMatch(new RegExp(`^${path.replace(".", "\\.")}: .* must be at most ${limit} characters$`));
  });

  it("says so for a 101-character event name, in both places an event is named", () => {
    expect(EVENT_NAME_MAX).toBe(100);
    expect(ZPublishEvent.safeParse({ event: "e".repeat(101) }).error?.issues[0]?.message).toBe("Event name must be at most 100 characters");
    expect(ZEventTypeCreate.safeParse({ ...event, name: "e".repeat(101) }).error?.issues[0]?.message).toBe("Event name must be at most 100 characters");
  });
});
