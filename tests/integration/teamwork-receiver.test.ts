import { type ChildProcess, spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { publishEvent } from "@/lib/delivery/publish-event";
import { DeliveryWorker } from "@/lib/delivery/worker";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook, TEST_CONFIG } from "../helpers/delivery";
import { freePort, readmeReceiver } from "../helpers/readme-receiver";

// The Node receiver printed in the README's "Teamwork compatibility" section, run as written there
// against real deliveries from the real worker: it must accept them and refuse a tampered body.

describe.each(TEST_DATABASES)("the README's Teamwork receiver on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
  });

  it("accepts real deliveries and refuses a tampered body", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    const hook = await enabledWebhook(url);
    child = spawn(process.execPath, ["-e", readmeReceiver("Teamwork compatibility")], {
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

    await publishEvent({ event: "deals.created", data: { title: "Ünïcode ✓" } });
    await new DeliveryWorker({ db: db().prisma, config: TEST_CONFIG, log: () => {} }).drain();
    const delivered = await db().prisma.delivery.findFirstOrThrow({ include: { attempts: true } });
    expect(delivered).toMatchObject({ status: "succeeded", lastStatusCode: 200 });
    await expect.poll(() => printed).toContain(`deals.created ${delivered.id}`);

    const headers = delivered.attempts[0]?.requestHeaders as Record<string, string>;
    const event = await db().prisma.event.findFirstOrThrow();
    const body = JSON.stringify({ id: event.id, event: event.type, timestamp: event.occurredAt.toISOString(), projectId: null, data: event.payload });
    expect(await post(body, headers)).toBe(200);
    expect(await post(body.replace("Ünïcode", "Unicode"), headers)).toBe(401);
  });
});
