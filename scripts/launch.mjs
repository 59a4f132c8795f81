// npm start | npm run worker | npm run cli | npm run db:*: `node scripts/launch.mjs <entry> [args]`
// runs the compiled entry point dist/<entry>.js in this same process, compiling the entry points
// first when their sources changed (a build step: esbuild runs in a child that exits before the
// entry starts). For a process manager, `node dist/<entry>.js` after `npm run build` is the same
// without the check.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { areEntriesCurrent, DIST, ENTRIES } from "./entries.mjs";

const [entry] = process.argv.splice(2, 1);
if (!entry || !(entry in ENTRIES)) {
  console.error(`[hookline] usage: node scripts/launch.mjs <${Object.keys(ENTRIES).join("|")}> [args]`);
  process.exit(2);
}
if (!areEntriesCurrent()) {
  const built = spawnSync(process.execPath, [path.join("scripts", "build.mjs"), "--entries"], { stdio: "inherit" });
  if (built.status !== 0) {
    console.error(`[hookline] Compiling the entry points failed (exit ${built.status ?? built.signal}).`);
    process.exit(1);
  }
}
process.argv[1] = path.resolve(DIST, `${entry}.js`); // as if started as `node dist/<entry>.js`
await import(pathToFileURL(process.argv[1]).href);
