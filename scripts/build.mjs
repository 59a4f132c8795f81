// npm run build: compile the entry points into dist/ (esbuild: one file each, packages left to
// node_modules) and build the Next app into .next. `--entries` compiles the entry points only
// (what scripts/launch.mjs runs when they are stale); `--next` builds only the app. Each build
// records the fingerprint of its sources, so `npm start` rebuilds only what changed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DIST, ENTRIES, entriesFingerprint, nextFingerprint, recordNext } from "./entries.mjs";

/** `server-only` throws unless the react-server condition resolved it; these are server entries. */
const serverOnlyIsEmpty = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function buildEntries() {
  const value = entriesFingerprint(); // of the sources as they are before compiling them
  const { build } = await import("esbuild");
  // Built beside and then swapped in, so that a process starting meanwhile finds the old or the new
  // entry points, never half of them.
  const next = `${DIST}.${process.pid}`;
  fs.rmSync(next, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES,
    outdir: next,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnlyIsEmpty],
    sourcemap: "linked",
    logLevel: "warning",
    // Bundled ESM has no require(); some bundled code (the generated Prisma client) needs one.
    banner: { js: 'import { createRequire as __hooklineRequire } from "node:module"; const require = __hooklineRequire(import.meta.url);' },
  });
  fs.writeFileSync(path.join(next, "fingerprint"), value);
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.renameSync(next, DIST);
}

export function buildNext(env = process.env) {
  const value = nextFingerprint();
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  if (result.status !== 0) return result.status ?? 1;
  recordNext(value);
  return 0;
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? "")}`) {
  const only = process.argv[2];
  if (only !== "--next") await buildEntries();
  if (only !== "--entries") process.exitCode = buildNext();
}
