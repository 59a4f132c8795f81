// Live admin screens (GET /api/v1/live) as open browser tabs cost them: each "page" holds the
// stream and, on every message, re-reads what the delivery log page re-reads (its first page of
// deliveries, and the webhook list behind its filter). PostgreSQL, the app served as `npm start`
// does with its worker off, one `npm run worker`: the app's CPU idle, and the end-to-end delivery
// rate at the default in-flight limit of 16, with and without the pages, side by side.
import { Agent, fetch as undiciFetch } from "undici";
import { enabledWebhook, inParallel, sleep, startHost, type TReceiver, wallNow } from "./harness";
import { cpuTicks, TICKS_PER_S } from "./proc";

export type TLiveResult = {
  pages: number;
  idleSeconds: number;
  /** The app's CPU, percent of one core, idle: without pages, and with them open. */
  idleCpu: { without: number; with: number };
  /** End-to-end deliveries/s (median of the rounds), without pages and with them. */
  rate: { without: number; with: number };
  /** Per page and second under load: messages heard and API reads made. */
  messagesPerPageS: number;
  readsPerPageS: number;
};

type TPage = { stop: () => void; messages: number; reads: number };

/**
 * One open log page: the stream, and the log's re-reads on each message (as lib/queries/use-live-stream.ts
 * and use-live-log.ts do). Page n is a browser of its own, at 127.0.1.n: the app caps connections
 * per address (HOOKLINE_MAX_CONNECTIONS_PER_ADDRESS), as it would 50 admins behind one address.
 */
async function openPage(api: string, headers: Record<string, string>, n: number): Promise<TPage> {
  const abort = new AbortController();
  const dispatcher = new Agent({ connect: { localAddress: `127.0.1.${n + 1}` } });
  const fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => undiciFetch(url, { ...init, dispatcher });
  const page: TPage = {
    stop: () => {
      abort.abort();
      void dispatcher.close().catch(() => {});
    },
    messages: 0,
    reads: 0,
  };
  const response = await fetch(`${api}/live`, {
    headers: { authorization: headers.authorization as string, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`GET /live answered ${response.status}`);
  const reread = async (path: string) => {
    page.reads++;
    const res = await fetch(`${api}${path}`, { headers, signal: abort.signal });
    await res.arrayBuffer();
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
          const data = message.match(/^data: (.*)$/m)?.[1];
          if (!data) continue;
          page.messages++;
          const { topics } = JSON.parse(data) as { topics: string[] };
          const reads: Promise<void>[] = [];
          if (topics.includes("deliveries")) reads.push(reread("/deliveries?limit=50"));
          if (topics.includes("webhooks")) reads.push(reread("/webhooks?limit=100"));
          await Promise.all(reads).catch(() => {});
        }
      }
    } catch {
      // aborted: the page was closed
    }
  })();
  return page;
}

async function appCpuPercent(pid: number, seconds: number): Promise<number> {
  const t0 = cpuTicks(pid);
  await sleep(seconds * 1000);
  return (100 * (cpuTicks(pid) - t0)) / TICKS_PER_S / seconds;
}

export async function benchLive(
  pgServerUrl: string,
  receiver: TReceiver,
  options: { pages: number; idleSeconds: number; events: number },
): Promise<TLiveResult> {
  const host = await startHost(pgServerUrl, "hookline_bench_live");
  try {
    // The webhook's default in-flight limit (16): the rate an installation sees.
    await enabledWebhook(host.db, `${receiver.url}/live`, "deals.created");
    await host.startWorker();
    const batch = (round: number, b: number) => ({
      events: Array.from({ length: 100 }, (_, i) => ({ event: "deals.created", data: { round, i: b * 100 + i } })),
    });
    let round = 0;
    const endToEnd = async () => {
      round++;
      await receiver.reset();
      const before = await host.db.prisma.delivery.count({ where: { status: "succeeded" } });
      const t0 = wallNow();
      await inParallel(
        Array.from({ length: options.events / 100 }, (_, b) => b),
        4,
        (b) => host.post("/events/batch", batch(round, b)),
      );
      while ((await host.db.prisma.delivery.count({ where: { status: "succeeded" } })) < before + options.events) await sleep(50);
      return options.events / ((wallNow() - t0) / 1000);
    };
    await endToEnd(); // warm-up: compiled routes, connections
    await sleep(1_000);

    const idleWithout = await appCpuPercent(host.appPid, options.idleSeconds);
    const pages = await Promise.all(Array.from({ length: options.pages }, (_, n) => openPage(host.api, host.headers, n)));
    await sleep(2_000); // each page's first message (on open) and its reads are over
    const idleWith = await appCpuPercent(host.appPid, options.idleSeconds);
    for (const p of pages) p.stop();
    await sleep(500);

    // Under load, alternating so that the machine's drift falls on both: without, with, ...
    const without: number[] = [];
    const withPages: number[] = [];
    let messages = 0;
    let reads = 0;
    let loadedSeconds = 0;
    for (let i = 0; i < 3; i++) {
      without.push(await endToEnd());
      await sleep(500);
      const open = await Promise.all(Array.from({ length: options.pages }, (_, n) => openPage(host.api, host.headers, n)));
      await sleep(1_500);
      const [m0, r0] = [open.reduce((n, p) => n + p.messages, 0), open.reduce((n, p) => n + p.reads, 0)];
      const t0 = wallNow();
      withPages.push(await endToEnd());
      loadedSeconds += (wallNow() - t0) / 1000;
      messages += open.reduce((n, p) => n + p.messages, 0) - m0;
      reads += open.reduce((n, p) => n + p.reads, 0) - r0;
      for (const p of open) p.stop();
      await sleep(500);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    return {
      pages: options.pages,
      idleSeconds: options.idleSeconds,
      idleCpu: { without: idleWithout, with: idleWith },
      rate: { without: median(without), with: median(withPages) },
      messagesPerPageS: messages / options.pages / loadedSeconds,
      readsPerPageS: reads / options.pages / loadedSeconds,
    };
  } finally {
    await host.close();
  }
}
