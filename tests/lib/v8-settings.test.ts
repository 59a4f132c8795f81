import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { v8FlagsFor } from "@/lib/v8-settings";
import { ENTRIES } from "../../scripts/entries.mjs";

describe("v8FlagsFor", () => {
  it("compiles WebAssembly with Liftoff only on PostgreSQL, never under the embedded database (PGlite runs as WebAssembly)", () => {
    expect(v8FlagsFor({ DATABASE_URL: "postgres://h/db" })).toEqual(["--liftoff-only"]);
    expect(v8FlagsFor({})).toEqual([]);
    expect(v8FlagsFor({ DATABASE_URL: "" })).toEqual([]);
  });

  it("is applied by every entry point before anything else is imported", () => {
    for (const source of Object.values(ENTRIES)) {
      const firstImport = fs
        .readFileSync(source, "utf8")
        .split("\n")
        .find((l) => l.startsWith("import "));
      expect(firstImport, source).toMatch(/^import "\.\.\/lib\/v8-settings";/);
    }
  });
});
