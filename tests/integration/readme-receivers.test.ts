import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { freePort, readmeReceiver } from "../helpers/readme-receiver";

// The Node receivers printed in the README's compatibility sections, run as written there against
// real deliveries from the real worker: each must accept them and refuse a tampered body.

const SECTIONS = ["Teamwork compatibility", "Twenty compatibility"];

describe.each(TEST_DATABASES)("the README's receivers on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
  });

  it.each(SECTIONS)("%s: accepts real deliveries and refuses a tampered body", async (section) => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const hook = await enabledWebhook(url);
    child = spawn(process.execPath, ["-e", readmeReceiver(section)], {
      env: { ...process.env, PORT: String(port), HOOKLINE_TOKEN: hook.token },
      stdio: "pipe",
    });
    let printed = "";
    child.stdout?.on("data", (c: Buffer) => (printed += c.toString()));
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: "POST", headers, body }).then(
        (r) => r.status,
        () => 0,
      );
    await expect.poll(() => post("{}"), { timeout: 10_000 }).toBe(401);

    // Non-ASCII text and an integer-like key: a receiver that re-serializes the parsed body (Twenty's
    // example does) must still get the bytes that were signed.
    await publishEvent(ctx(), { event: "deals.created", data: { title: "Ünïcode ✓", "2": "two" } });
    await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();
    const delivered = await db().prisma.delivery.findFirstOrThrow({ include: { attempts: true } });
    expect(delivered).toMatchObject({ status: "succeeded", lastStatusCode: 200 });
    await expect.poll(() => printed).toContain(`deals.created ${delivered.id}`);

    const headers = delivered.attempts[0]?.requestHeaders as Record<string, string>;
    const event = await db().prisma.event.findFirstOrThrow();
    const body = JSON.stringify({ id: event.id, event: event.type, timestamp: event.occurredAt.toISOString(), projectId: null, data: event.payload });
    expect(body.startsWith(`{"id":"${delivered.eventId}"`)).toBe(true);
    expect(await post(body, headers)).toBe(200);
    expect(await post(body.replace("two", "three"), headers)).toBe(401);
  });
});
