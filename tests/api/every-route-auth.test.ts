import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createUser } from "@/lib/server/users/create-user";
import { grantsAny, SCOPES, type TScope } from "@/lib/validation/scopes";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { call, scopedKey, sessionCookie } from "../helpers/routes";

// Every route handler under app/api/v1 checks the caller itself: found by walking the folder, so a
// route added later is covered without anyone remembering to list it here.
const ROOT = path.join(process.cwd(), "app", "api", "v1");
const PUBLIC = new Set(["openapi.json/route.ts GET"]);
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

function routeFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [path.relative(ROOT, full)] : [];
  });
}

type THandler = Parameters<typeof call>[0] & { operation: { scopes: TScope[]; isSessionOnly?: boolean; level?: "workspace" | "installation" | "session" } };
async function handlers(): Promise<{ name: string; method: string; handler: THandler; params: Record<string, string> }[]> {
  const out = [];
  for (const file of routeFiles()) {
    const mod = (await import(`@/app/api/v1/${file.replace(/\.ts$/, "")}`)) as Record<string, THandler>;
    // A well-formed id for every [param], so that only the caller decides the answer.
    const params = Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], file.startsWith("projects") ? "p1" : randomUUID()]));
    for (const method of METHODS) {
      const handler = mod[method];
      if (handler && !PUBLIC.has(`${file} ${method}`)) out.push({ name: `${method} /api/v1/${path.dirname(file)}`, method, handler, params });
    }
  }
  return out;
}

describe.each(TEST_DATABASES)("every admin API route on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("finds the routes", async () => {
    expect((await handlers()).length).toBeGreaterThan(25);
  });

  it("401 without credentials, with a wrong key or a forged cookie; 403 for a member; nothing written", async () => {
    const member = await createUser({ email: "member@example.com", password: "member-password-1" });
    const before = await db().prisma.user.count();
    for (const { name, method, handler, params } of await handlers()) {
      const body = method === "GET" || method === "DELETE" ? undefined : {};
      const origin = "http://localhost:3000";
      expect((await call(handler, { method, params, body })).status, `${name} anonymous`).toBe(401);
      expect((await call(handler, { method, params, body, key: "hkl_not-a-real-key" })).status, `${name} wrong key`).toBe(401);
      expect((await call(handler, { method, params, body, headers: { cookie: "next-auth.session-token=forged" } })).status, `${name} forged`).toBe(401);
      // A cookie of the member's current session each time: "sign out everywhere" ends the earlier ones.
      const asMember = await call(handler, { method, params, body, headers: { cookie: await sessionCookie(member.id), origin } });
      if (handler.operation.level === "session") {
        // What a user does to their own session or account (the workspace switcher, Settings → Account) is
        // any signed-in user's: a member gets past the gate (to the input check, or to the operation itself).
        expect([401, 403], `${name} member: ${JSON.stringify(asMember.json)}`).not.toContain(asMember.status);
      } else expect(asMember, `${name} member`).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    }
    expect(await db().prisma.user.count()).toBe(before);
    for (const table of ["webhook", "apiKey", "event", "delivery", "project"] as const) {
      expect(await (db().prisma[table] as { count: () => Promise<number> }).count(), table).toBe(0);
    }
  });

  it("a key without the operation's scope gets 403 naming it; one with just that scope gets past the check; nothing written", async () => {
    for (const { name, method, handler, params } of await handlers()) {
      const { scopes, isSessionOnly } = handler.operation;
      const body = method === "GET" || method === "DELETE" ? undefined : {};
      const others = SCOPES.filter((s) => !grantsAny([s], scopes));
      if (isSessionOnly) {
        // No scope opens a session-only operation to a key, not even administrative.
        expect((await call(handler, { method, params, body, key: await scopedKey(["administrative"]) })).status, name).toBe(403);
        continue;
      }
      const refused = await call(handler, { method, params, body, key: await scopedKey(others) });
      expect(refused.status, `${name} without ${scopes.join("/")}`).toBe(403);
      const { error } = refused.json as { error: { code: string; message: string } };
      expect(error.code, name).toBe("insufficient_scope");
      for (const scope of scopes) expect(error.message, name).toContain(scope);
      for (const scope of scopes) {
        const allowed = await call(handler, { method, params, body, key: await scopedKey([scope]) });
        expect([401, 403], `${name} with ${scope}: ${JSON.stringify(allowed.json)}`).not.toContain(allowed.status);
      }
    }
    for (const table of ["webhook", "event", "delivery", "project"] as const) {
      expect(await (db().prisma[table] as { count: () => Promise<number> }).count(), table).toBe(0);
    }
  });
});
