// The physical limit for `npm run bench`: the same signed POSTs Hookline sends, straight from undici
// to the receiver, no database. One process of several; argv: url count concurrency.
import { randomUUID } from "node:crypto";
import { Agent, request } from "undici";
import { signedHeaders } from "./signed-headers";

const [url, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg);
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
let next = 0;

async function lane() {
  while (next < count) {
    const i = next++;
    const id = randomUUID();
    const body = JSON.stringify({
      id: randomUUID(),
      event: "deals.created",
      timestamp: new Date().toISOString(),
      projectId: null,
      data: { i, title: "A deal of some size", amount: 1200 + i },
    });
    const res = await request(url as string, { method: "POST", dispatcher: agent, body, headers: signedHeaders(id, "deals.created", body) });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
  }
}

// Started, then waits for the parent's "go", so that process start-up is not timed.
process.send?.("ready");
process.once("message", async () => {
  await Promise.all(Array.from({ length: Number(concurrencyArg) }, lane));
  process.send?.("done", () => process.exit(0));
});
