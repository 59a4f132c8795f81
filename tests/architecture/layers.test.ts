import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies run one way: app → api → server → delivery → db, with a base every layer may use
// (configuration, validation schemas, domain errors, crypto, the generated Prisma client...). A file
// may import its own layer, lower layers and the base; the base imports only the base. Browser code
// (components, lib/client, lib/queries) imports only itself, the base and the API's error shape.

const ROOT = path.resolve(import.meta.dirname, "../..");

type TLayer = "app" | "api" | "server" | "delivery" | "db" | "base" | "browser";
const RANK: Record<Exclude<TLayer, "browser">, number> = { app: 5, api: 4, server: 3, delivery: 2, db: 1, base: 0 };

/** The layer of a path relative to the project root (a file or a directory import). */
function layerOf(rel: string): TLayer {
  const p = rel
    .replace(/\\/g, "/")
    .replace(/\.(tsx?|js)$/, "")
    .replace(/\/index$/, "");
  if (p.startsWith("app/") || p.startsWith("scripts/") || p === "proxy" || p === "instrumentation") return "app";
  if (p.startsWith("components/") || p.startsWith("lib/client") || p.startsWith("lib/queries")) return "browser";
  if (p.startsWith("lib/api")) return "api";
  if (p.startsWith("lib/server") || p.startsWith("lib/auth/")) return "server";
  if (p.startsWith("lib/delivery")) return "delivery";
  if (p === "lib/db" || p.startsWith("lib/db/")) return "db";
  return "base";
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every import of our own code in a file, as a path relative to the root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
  return specs.flatMap((spec) => {
    if (spec.startsWith("@/")) return [spec.slice(2)];
    if (spec.startsWith(".")) return [path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec))];
    return [];
  });
}

/** Why `from` may not import `to`, or null when it may. */
function layerViolation(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === "browser") return b === "browser" || b === "base" || to.startsWith("lib/api/api-error") ? null : `browser code imports ${b}`;
  if (b === "browser") return a === "app" ? null : `${a} imports browser code`;
  return RANK[b] > RANK[a] ? `${a} imports ${b}` : null;
}

describe("layers", () => {
  it("the rule itself: lower may not import higher, the base imports only the base, the browser only itself and the base", () => {
    expect(layerViolation("lib/delivery/attempt-delivery.ts", "lib/server/webhooks/x")).toBe("delivery imports server");
    expect(layerViolation("lib/server/webhooks/x.ts", "lib/api/api-error")).toBe("server imports api");
    expect(layerViolation("lib/config/env-schema.ts", "lib/delivery/ssrf/address-policy")).toBe("base imports delivery");
    expect(layerViolation("lib/queries/use-webhook.ts", "lib/server/webhooks/get-webhook")).toBe("browser code imports server");
    expect(layerViolation("lib/server/webhooks/x.ts", "lib/delivery/config")).toBeNull();
    expect(layerViolation("app/api/v1/events/route.ts", "lib/api/handlers/events")).toBeNull();
    expect(layerViolation("lib/client/api-client.ts", "lib/api/api-error")).toBeNull();
    // lib/auth (passwords, sessions, the sign-in throttle) sits under lib/server, every file of it:
    // what needs lib/server or lib/api (next-auth's setup, the page guards) lives in lib/api.
    expect(layerViolation("lib/auth/current-user.ts", "lib/api/auth-options")).toBe("server imports api");
    expect(layerViolation("lib/auth/current-user.ts", "lib/api/workspace-cookie")).toBe("server imports api");
    expect(layerViolation("lib/auth.ts", "lib/server/users/authenticate-user")).toBe("base imports server");
  });

  it("no file imports a layer above its own", () => {
    const files = ["app", "components", "lib", "scripts"].flatMap((d) => sourceFiles(d));
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) =>
      importsOf(file).flatMap((to) => {
        const why = layerViolation(file, to);
        return why ? [`${file} → ${to}: ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });
});
