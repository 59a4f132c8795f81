// The compiled entry points (npm start, npm run worker, npm run cli, npm run db:*): what they are
// built from, where they go, and whether the copy in dist/ is current. Plain JavaScript, because it
// runs before anything is compiled. Used by scripts/launch.mjs and scripts/build.mjs.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const ENTRIES = {
  start: "scripts/start.ts",
  serve: "scripts/serve.ts",
  worker: "scripts/worker.ts",
  cli: "scripts/cli.ts",
  "db-migrate": "scripts/db-migrate.ts",
};
export const DIST = "dist";
const ENTRIES_FINGERPRINT = path.join(DIST, "fingerprint");
/** What the entries are built from: their sources, the generated Prisma client, and how they are compiled. */
const ENTRY_INPUTS = ["scripts", "lib", "prisma/schema.prisma", "package-lock.json", "tsconfig.json"];
/** What Next's build in .next is made from. */
const NEXT_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "types",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
export const NEXT_FINGERPRINT = path.join(".next", "hookline-build-fingerprint");
const SKIP = new Set(["generated", "node_modules", "bench"]);

function walk(entry, out) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    out.push(entry);
    return;
  }
  for (const child of fs.readdirSync(entry).sort()) if (!SKIP.has(child)) walk(path.join(entry, child), out);
}

function fingerprint(inputs, root) {
  const files = [];
  for (const input of inputs) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

const recorded = (file) => fs.readFileSync(file, { encoding: "utf8", flag: "r" }).trim();
const isCurrent = (file, inputs, root) => {
  try {
    return recorded(path.join(root, file)) === fingerprint(inputs, root);
  } catch {
    return false;
  }
};

export const entriesFingerprint = (root = process.cwd()) => fingerprint(ENTRY_INPUTS, root);
export const nextFingerprint = (root = process.cwd()) => fingerprint(NEXT_INPUTS, root);
export const areEntriesCurrent = (root = process.cwd()) => isCurrent(ENTRIES_FINGERPRINT, ENTRY_INPUTS, root);
export const isNextCurrent = (root = process.cwd()) => fs.existsSync(path.join(root, ".next", "BUILD_ID")) && isCurrent(NEXT_FINGERPRINT, NEXT_INPUTS, root);
export const recordNext = (value, root = process.cwd()) => fs.writeFileSync(path.join(root, NEXT_FINGERPRINT), value);
