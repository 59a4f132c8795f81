import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/open-database";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { SNIPPETS } from "@/lib/snippets/verification-snippets";
import { enabledWebhook, TEST_CONFIG } from "../../helpers/delivery";
import { startReceiver } from "../../helpers/receiver";

// Each snippet shown on the webhook page, wrapped in a tiny program, checks a real delivery.
const MAINS: Record<string, { file: string; runtime: string; args: (file: string) => string[]; wrap: (code: string) => string }> = {
  "Node.js": {
    file: "verify.js",
    runtime: "node",
    args: (f) => [f],
    wrap: (c) =>
      `${c}\nconst fs = require("node:fs");\nconst [bodyFile, sig, token] = process.argv.slice(2);\nprocess.exit(verify(fs.readFileSync(bodyFile), sig, token) ? 0 : 1);\n`,
  },
  Python: {
    file: "verify.py",
    runtime: "python3",
    args: (f) => [f],
    wrap: (c) => `import sys\n${c}\n\nbody_file, sig, token = sys.argv[1:4]\nsys.exit(0 if verify(open(body_file, "rb").read(), sig, token) else 1)\n`,
  },
  Go: {
    file: "verify.go",
    runtime: "go",
    args: (f) => ["run", f],
    wrap: (c) =>
      `package main\n\n${c.replace("import (", 'import (\n\t"os"')}\n\nfunc main() {\n\tbody, _ := os.ReadFile(os.Args[1])\n\tif verify(body, os.Args[2], os.Args[3]) {\n\t\tos.Exit(0)\n\t}\n\tos.Exit(1)\n}\n`,
  },
  PHP: {
    file: "verify.php",
    runtime: "php",
    args: (f) => [f],
    wrap: (c) => `${c}\n$ok = verify(file_get_contents($argv[1]), $argv[2], $argv[3]);\nexit($ok ? 0 : 1);\n`,
  },
};

// The same programs for the Twenty snippets: body file, signature, timestamp, token.
const TWENTY_MAINS: Record<string, (code: string) => string> = {
  "Node.js": (c) =>
    `${c}\nconst fs = require("node:fs");\nconst [bodyFile, sig, ts, token] = process.argv.slice(2);\nprocess.exit(verifyTwenty(fs.readFileSync(bodyFile), sig, ts, token) ? 0 : 1);\n`,
  Python: (c) =>
    `import sys\n${c}\n\nbody_file, sig, ts, token = sys.argv[1:5]\nsys.exit(0 if verify_twenty(open(body_file, "rb").read(), sig, ts, token) else 1)\n`,
  Go: (c) =>
    `package main\n\n${c.replace("import (", 'import (\n\t"os"')}\n\nfunc main() {\n\tbody, _ := os.ReadFile(os.Args[1])\n\tif verifyTwenty(body, os.Args[2], os.Args[3], os.Args[4]) {\n\t\tos.Exit(0)\n\t}\n\tos.Exit(1)\n}\n`,
  PHP: (c) => `${c}\n$ok = verifyTwenty(file_get_contents($argv[1]), $argv[2], $argv[3], $argv[4]);\nexit($ok ? 0 : 1);\n`,
};

// `go` has no --version flag (it is `go version`); node, python3 and php take --version.
const has = (runtime: string) => spawnSync(runtime, [runtime === "go" ? "version" : "--version"], { stdio: "ignore" }).status === 0;

let dir: string;
let body = "";
let signature = "";
let token = "";
/** X-Twenty-Webhook-Signature and -Timestamp of the fresh delivery, and of one sent 6 minutes "ago". */
let twenty = { signature: "", timestamp: "" };
let staleTwenty = { signature: "", timestamp: "" };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-snippets-"));
  const db = await openDatabase({ kind: "pglite", dataDir: null });
  installDatabase(db);
  const receiver = await startReceiver();
  const hook = await enabledWebhook(receiver.url);
  await publishEvent(defaultWorkspaceContext(db.prisma), { event: "deals.created", data: { title: "Ünïcode deal ✓", amount: 12.5 } });
  await new DeliveryWorker({ db: db.prisma, config: TEST_CONFIG, log: () => {} }).drain();
  body = receiver.received[0]?.body ?? "";
  signature = String(receiver.received[0]?.headers.signature);
  token = hook.token;
  const twentyOf = (i: number) => ({
    signature: String(receiver.received[i]?.headers["x-twenty-webhook-signature"]),
    timestamp: String(receiver.received[i]?.headers["x-twenty-webhook-timestamp"]),
  });
  twenty = twentyOf(0);
  // The same delivery sent again by a worker whose clock reads 6 minutes earlier: a real request
  // whose timestamp the snippets must find too old (their clock is the real one).
  const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000);
  await db.prisma.delivery.updateMany({ data: { status: "pending", nextAttemptAt: new Date(Date.now() - 10 * 60_000) } });
  await new DeliveryWorker({ db: db.prisma, config: TEST_CONFIG, log: () => {}, now: sixMinutesAgo }).drain();
  staleTwenty = twentyOf(1);
  if (receiver.received[1]?.body !== body) throw new Error("the second attempt sent other bytes");
  fs.writeFileSync(path.join(dir, "body.json"), body);
  fs.writeFileSync(path.join(dir, "tampered.json"), body.replace("12.5", "13.5"));
  await receiver.close();
  await db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("verification snippets against a real delivery", () => {
  it("has one per language", () => {
    expect(SNIPPETS.map((s) => s.language).sort()).toEqual(Object.keys(MAINS).sort());
  });

  for (const snippet of SNIPPETS) {
    const main = MAINS[snippet.language];
    if (!main) continue;
    const isInstalled = has(main.runtime);
    if (!isInstalled) console.log(`[snippets] ${snippet.language}: skipped, \`${main.runtime}\` is not installed on this machine`);
    it.skipIf(!isInstalled)(`${snippet.language} accepts the delivery and rejects a tampered body`, () => {
      const file = path.join(dir, main.file);
      fs.writeFileSync(file, main.wrap(snippet.code));
      const run = (bodyFile: string) => spawnSync(main.runtime, [...main.args(file), path.join(dir, bodyFile), signature, token], { timeout: 60_000 }).status;
      expect(run("body.json")).toBe(0);
      expect(run("tampered.json")).toBe(1);
    });
  }

  for (const snippet of SNIPPETS) {
    const main = MAINS[snippet.language];
    const wrap = TWENTY_MAINS[snippet.language];
    if (!main || !wrap) continue;
    it.skipIf(!has(main.runtime))(`${snippet.language} (Twenty) accepts the delivery, rejects a tampered body and a timestamp over 5 minutes old`, () => {
      const file = path.join(dir, `twenty-${main.file}`);
      fs.writeFileSync(file, wrap(snippet.twenty));
      const run = (bodyFile: string, headers: typeof twenty) =>
        spawnSync(main.runtime, [...main.args(file), path.join(dir, bodyFile), headers.signature, headers.timestamp, token], { timeout: 60_000 }).status;
      expect(run("body.json", twenty)).toBe(0);
      expect(run("tampered.json", twenty)).toBe(1);
      expect(run("body.json", staleTwenty)).toBe(1);
      // A fresh timestamp on the old signature: the timestamp is signed, so no.
      expect(run("body.json", { ...staleTwenty, timestamp: twenty.timestamp })).toBe(1);
    });
  }

  it("the Node snippet is the same algorithm as the sender (sanity check of the harness)", () => {
    expect(
      execFileSync("node", [
        "-e",
        `console.log(require("node:crypto").createHmac("sha256", ${JSON.stringify(token)}).update(require("node:fs").readFileSync(${JSON.stringify(path.join(dir, "body.json"))})).digest("hex"))`,
      ])
        .toString()
        .trim(),
    ).toBe(signature);
  });
});
