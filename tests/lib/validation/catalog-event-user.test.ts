import { describe, expect, it } from "vitest";
import { ZApiKeyCreate, ZEventTypeCreate, ZProjectCreate, ZProjectRename } from "@/lib/validation/catalog";
import { ZPublishEvent } from "@/lib/validation/event";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { ZSignIn, ZUserCreate } from "@/lib/validation/user";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("event types and projects", () => {
  it("accepts a host's event type and refuses bad or reserved names", () => {
    expect(ZEventTypeCreate.parse({ name: " invoice.paid ", description: "An invoice was paid", group: "Billing" })).toEqual({
      name: "invoice.paid",
      description: "An invoice was paid",
      group: "Billing",
    });
    const bad = (name: string) => messages(ZEventTypeCreate.safeParse({ name, description: "d", group: "g" }));
    expect(bad("has space")).toEqual(["name: Use letters, digits, dots, dashes and underscores, such as deals.created"]);
    expect(bad(".starts-with-dot")).toHaveLength(1);
    expect(bad("ping")).toEqual(["name: This name is reserved"]);
    expect(bad("*")[0]).toMatch(/^name:/);
    expect(bad("x".repeat(101))).toEqual(["name: Event name must be at most 100 characters"]);
    expect(messages(ZEventTypeCreate.safeParse({ name: "a.b", description: " ", group: "g" }))).toEqual(["description: Describe when the event happens"]);
    expect(messages(ZEventTypeCreate.safeParse({ name: "a.b", description: "d", group: "g", extra: 1 }))[0]).toMatch(/Unrecognized key/);
  });

  it("takes project ids the hosts use, and names up to 200 characters", () => {
    expect(ZProjectCreate.parse({ id: "crm:42" })).toEqual({ id: "crm:42" });
    expect(messages(ZProjectCreate.safeParse({ id: "a/b" }))).toEqual(["id: Use letters, digits, dots, colons, dashes and underscores"]);
    expect(messages(ZProjectCreate.safeParse({ id: "" }))[0]).toBe("id: Enter the project's id");
    expect(messages(ZProjectRename.safeParse({ name: "n".repeat(201) }))).toEqual(["name: Name must be at most 200 characters"]);
    expect(messages(ZProjectRename.safeParse({ name: "  " }))).toEqual(["name: Enter a name"]);
    expect(messages(ZApiKeyCreate.safeParse({ name: "" }))).toEqual(["name: Name the key"]);
  });
});

describe("published events", () => {
  it("accepts any JSON as data, defaulting to {}", () => {
    expect(ZPublishEvent.parse({ event: "deals.created" })).toEqual({ event: "deals.created", data: {} });
    expect(ZPublishEvent.parse({ event: "a", data: [1, "x", null, { y: true }], projectId: null }).data).toEqual([1, "x", null, { y: true }]);
  });
  it("refuses what is not JSON, a missing event, a bad project id and unknown fields", () => {
    expect(messages(ZPublishEvent.safeParse({ event: "a", data: { when: new Date() } }))[0]).toMatch(/^data: data must be plain JSON/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", data: Number.NaN }))[0]).toMatch(/^data:/);
    expect(messages(ZPublishEvent.safeParse({ data: {} }))).toEqual(["event: Name the event type"]);
    expect(messages(ZPublishEvent.safeParse({ event: "a", projectId: "no spaces" }))[0]).toMatch(/^projectId:/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", idempotencyKey: "k".repeat(201) }))[0]).toMatch(/^idempotencyKey:/);
    expect(messages(ZPublishEvent.safeParse({ event: "a", extra: 1 }))[0]).toMatch(/Unrecognized key/);
  });
});

describe("users", () => {
  it("signs in with any non-empty password, but creates only with the policy's length", () => {
    expect(ZSignIn.parse({ email: " Ada@Example.COM ", password: "x" })).toEqual({ email: "ada@example.com", password: "x" });
    expect(messages(ZSignIn.safeParse({ email: "nope", password: "" }))).toEqual(["email: Enter a valid email address", "password: Enter your password"]);
    const short = "p".repeat(PASSWORD_MIN_LENGTH - 1);
    expect(messages(ZUserCreate.safeParse({ email: "a@b.io", password: short }))).toEqual([
      `password: Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    ]);
    expect(ZUserCreate.parse({ email: "a@b.io", password: "p".repeat(PASSWORD_MIN_LENGTH) })).toMatchObject({ role: "MEMBER" });
    expect(ZUserCreate.safeParse({ email: "a@b.io", password: "p".repeat(PASSWORD_MIN_LENGTH), role: "ROOT" }).success).toBe(false);
  });
});
