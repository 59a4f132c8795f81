import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PrismaClient } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { processGlobals } from "../process-globals";
import { STATUS_SQL } from "./webhook-health";

// Prometheus metrics of one process (GET /metrics on the app, HOOKLINE_METRICS_PORT on a worker).
// Counters and the histogram count what this process did (Prometheus sums the processes it
// scrapes); the queue and webhook gauges are read from the database at scrape time, so every
// process reports the installation's, whichever one is asked. No workspace label unless
// HOOKLINE_METRICS_BY_WORKSPACE=on: 10,000 workspaces would be 10,000 series per metric.

type TWorkspaceLabel = "workspace";
export type THooklineMetrics = {
  registry: Registry;
  isByWorkspace: boolean;
  eventsPublished: Counter<"event_type" | TWorkspaceLabel>;
  attempts: Counter<"outcome" | "error_class" | TWorkspaceLabel>;
  attemptDuration: Histogram<TWorkspaceLabel>;
  inFlight: Gauge;
  /** Where the database gauges read from (the process's database, set by whoever serves /metrics). */
  database: { prisma: (() => Promise<PrismaClient>) | null };
};

declare module "../process-globals" {
  interface TProcessGlobals {
    /** This process's metrics (lib/delivery/metrics.ts): one registry, whichever bundle counts. */
    metrics?: THooklineMetrics;
  }
}

/** Seconds: from a fast local receiver to the 10 s default timeout and past it. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type TDueRow = { ws: string | null; due: bigint; oldest: Date | null };
type TStatusRow = { ws: string | null; status: string; n: bigint };

/** Pending deliveries of enabled webhooks that are due now, and the oldest one's due time (per workspace when asked). */
function dueSql(byWorkspace: boolean) {
  return Prisma.sql`select ${byWorkspace ? Prisma.sql`d."workspaceId"::text` : Prisma.sql`null::text`} as ws,
      count(*) as due, min(d."nextAttemptAt") as oldest
    from "Delivery" d join "Webhook" w on w.id = d."webhookId"
    where d.status = 'pending' and d."nextAttemptAt" <= now() and w.enabled
    ${byWorkspace ? Prisma.sql`group by d."workspaceId"` : Prisma.empty}`;
}

// Webhooks by status (the rule of lib/delivery/webhook-health.ts).
function statusSql(byWorkspace: boolean) {
  const ws = byWorkspace ? Prisma.sql`"workspaceId"::text` : Prisma.sql`null::text`;
  return Prisma.sql`select ${ws} as ws, ${STATUS_SQL} as status, count(*) as n
    from "Webhook" group by 1, 2`;
}

/** The workspace label of a series, when the metrics carry one. */
function workspaceLabel(isByWorkspace: boolean, workspaceId: string | null): { workspace?: string } {
  return isByWorkspace && workspaceId ? { workspace: workspaceId } : {};
}

/** A registry of Hookline's metrics; exported for its tests (the process keeps one: hooklineMetrics). */
export function createMetrics(isByWorkspace: boolean): THooklineMetrics {
  const registry = new Registry();
  const ws = (labels: string[]) => (isByWorkspace ? [...labels, "workspace"] : labels);
  const database: THooklineMetrics["database"] = { prisma: null };
  // One read of the database per scrape, for the three gauges together: prom-client awaits each
  // gauge's collect() before it renders, and the first of the three reads for all.
  let reading: Promise<void> | null = null;
  const collect = () => readDatabase();
  const due = new Gauge({
    name: "hookline_deliveries_due",
    help: "Pending deliveries of enabled webhooks that are due now",
    labelNames: ws([]),
    registers: [registry],
    collect,
  });
  const oldest = new Gauge({
    name: "hookline_oldest_due_delivery_age_seconds",
    help: "How long the oldest due delivery has waited since it became due (0 when none is due)",
    labelNames: ws([]),
    registers: [registry],
    collect,
  });
  const webhooks = new Gauge({
    name: "hookline_webhooks",
    help: "Webhooks by status: disabled, working, failing",
    labelNames: ws(["status"]),
    registers: [registry],
    collect,
  });
  function readDatabase(): Promise<void> {
    reading ??= (async () => {
      const prisma = database.prisma ? await database.prisma() : null;
      if (!prisma) return;
      const [dueRows, statusRows] = await Promise.all([
        prisma.$queryRaw<TDueRow[]>(dueSql(isByWorkspace)),
        prisma.$queryRaw<TStatusRow[]>(statusSql(isByWorkspace)),
      ]);
      due.reset();
      oldest.reset();
      webhooks.reset();
      const now = Date.now();
      // Without a workspace label the due query is one aggregate row, zero when nothing is due.
      for (const r of dueRows) {
        const labels = workspaceLabel(isByWorkspace, r.ws);
        due.set(labels, Number(r.due));
        oldest.set(labels, r.oldest ? Math.max(0, (now - r.oldest.getTime()) / 1000) : 0);
      }
      // Every status is reported, 0 when no webhook has it (per workspace, only those it has).
      if (!isByWorkspace) for (const status of ["disabled", "working", "failing"]) webhooks.set({ status }, 0);
      for (const r of statusRows) webhooks.set({ status: r.status, ...workspaceLabel(isByWorkspace, r.ws) }, Number(r.n));
    })().finally(() => {
      reading = null;
    });
    return reading;
  }

  return {
    registry,
    isByWorkspace,
    database,
    eventsPublished: new Counter({ name: "hookline_events_published_total", help: "Events published", labelNames: ws(["event_type"]), registers: [registry] }),
    attempts: new Counter({
      name: "hookline_delivery_attempts_total",
      help: "Delivery attempts by outcome (success, failure) and error class (none for a success)",
      labelNames: ws(["outcome", "error_class"]),
      registers: [registry],
    }),
    attemptDuration: new Histogram({
      name: "hookline_delivery_attempt_duration_seconds",
      help: "How long delivery attempts took, request to response",
      labelNames: ws([]),
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    inFlight: new Gauge({ name: "hookline_worker_in_flight", help: "Requests this process's worker has open now", registers: [registry] }),
  };
}

/** This process's metrics, made on first use (HOOKLINE_METRICS_BY_WORKSPACE read then). */
export function hooklineMetrics(): THooklineMetrics {
  const globals = processGlobals();
  globals.metrics ??= createMetrics(env().HOOKLINE_METRICS_BY_WORKSPACE === "on");
  return globals.metrics;
}

/** A published event, counted. */
export function countPublished(eventType: string, workspaceId: string, m = hooklineMetrics()): void {
  m.eventsPublished.inc({ event_type: eventType, ...workspaceLabel(m.isByWorkspace, workspaceId) });
}

/** A finished attempt, counted by outcome and timed. */
export function countAttempt(result: { ok: boolean; errorClass: string | null; durationMs: number }, workspaceId: string, m = hooklineMetrics()): void {
  const ws = workspaceLabel(m.isByWorkspace, workspaceId);
  m.attempts.inc({ outcome: result.ok ? "success" : "failure", error_class: result.errorClass ?? "none", ...ws });
  m.attemptDuration.observe(ws, result.durationMs / 1000);
}
