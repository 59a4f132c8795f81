// V8 settings a Hookline process applies before it compiles any WebAssembly: each entry point
// (scripts/serve, worker, cli, db-migrate, start) imports this module first. No "server-only": the
// entry points are not React builds.
import v8 from "node:v8";

/**
 * On PostgreSQL the only WebAssembly a process runs is Prisma's query compiler (3.4 MB). V8 compiles
 * it twice, a quick baseline (Liftoff) and then optimized code (TurboFan) in the background, and the
 * second costs about 90 MB of resident memory for the life of the process (npm run bench, Memory:
 * the app on PostgreSQL 303 → 215 MB idle, a worker 200 → 120 MB). The baseline code is fast enough
 * for what the compiler does per query. Not on the embedded database: there PGlite (PostgreSQL built
 * to WebAssembly) runs every statement, and its optimized code is worth its memory.
 */
export function v8FlagsFor(env: Record<string, string | undefined>): string[] {
  return env.DATABASE_URL ? ["--liftoff-only"] : [];
}

for (const flag of v8FlagsFor(process.env)) v8.setFlagsFromString(flag);
