import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_PATHS } from "@/lib/db/migrations";

/** A copy of prisma/ (schema and migrations) in a temp folder that a test may change freely. */
export function copyPrismaDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-migrations-"));
  fs.cpSync(path.dirname(DEFAULT_PATHS.schemaPath), dir, { recursive: true });
  return { dir, paths: { schemaPath: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") } };
}
