import { relativeTime } from "@/components/webhooks/summaries";
import type { TOverviewWorker } from "@/lib/validation/overview";

const KIND = { app: "In the app", worker: "npm run worker" } as const;

/** The delivery processes: which are alive (a heartbeat in the last 30 s), and those that went silent. */
export function WorkersList({ workers, now }: { workers: TOverviewWorker[]; now: number }) {
  const alive = workers.filter((w) => w.isAlive).length;
  return (
    <section aria-labelledby="overview-workers" className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-200 px-4 py-3">
        <h2 id="overview-workers" className="text-base font-semibold text-gray-900">
          Delivery processes
        </h2>
        <p className="text-sm text-gray-600">{alive === 1 ? "1 alive" : `${alive} alive`}</p>
      </div>
      {alive === 0 ? (
        <p role="alert" className="border-b border-gray-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          No delivery process is running: events are accepted but nothing is sent. Start <code className="font-mono">npm run worker</code>, or run the app with{" "}
          <code className="font-mono">HOOKLINE_WORKER=embedded</code>.
        </p>
      ) : null}
      <ul className="divide-y divide-gray-100">
        {workers.map((w) => (
          <li key={w.owner} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm" data-testid="overview-worker" data-alive={w.isAlive}>
            <span className="inline-flex min-w-0 items-center gap-2">
              <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${w.isAlive ? "bg-green-500" : "bg-gray-400"}`} />
              <span className="truncate font-mono text-gray-900">
                {w.hostname}:{w.pid}
              </span>
            </span>
            <span className="text-gray-600">{KIND[w.kind]}</span>
            <span className="text-gray-600">
              {w.isAlive ? `${w.inFlight.toLocaleString()} in flight` : `not heard from since ${relativeTime(w.seenAt, now)}`}
            </span>
            <span className="text-gray-500">
              started {relativeTime(w.startedAt, now)} · v{w.version}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
