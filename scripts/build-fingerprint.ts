// What `npm start` compares to decide whether the production build in .next is current.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
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
const SKIP = new Set(["generated", "node_modules"]);
export const FINGERPRINT_FILE = path.join(".next", "hookline-build-fingerprint");

function walk(entry: string, out: string[]): void {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    out.push(entry);
    return;
  }
  for (const child of fs.readdirSync(entry).sort()) if (!SKIP.has(child)) walk(path.join(entry, child), out);
}

export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const recorded = fs.readFileSync(path.join(root, FINGERPRINT_FILE), { encoding: "utf8", flag: "r" }).trim();
  return fs.existsSync(path.join(root, ".next", "BUILD_ID")) && recorded === sourceFingerprint(root);
}
