import "server-only";
import { parseAllowList, type TAllowList } from "../config/allow-list";
import { parseDurationList } from "../config/env-schema";
import { env } from "../env";

export type TDeliveryConfig = {
  allow: TAllowList;
  timeoutMs: number;
  failureLimit: number;
  /** Delays before attempt 2, 3, ... (ms); after the last, the delivery fails for good. */
  retrySchedule: number[];
  maxPayloadBytes: number;
  /** Most events one POST /events/batch may carry. */
  maxBatchEvents: number;
  concurrency: number;
  /** How long a claim is held; longer than one attempt can take, so a live worker keeps its rows. */
  leaseMs: number;
  /** Deliveries and attempts older than this are pruned by the worker. */
  retentionDays: number;
  /** Audit entries older than this are pruned by the worker (optional: tests' configs leave it to the default). */
  auditRetentionDays?: number;
  /** Data that breaks its type's JSON Schema: refused, delivered with the errors recorded (the default), or not checked. */
  validatePayloads?: "reject" | "warn" | "off";
};

// Derived once per parsed environment: keyed by env()'s object, so a new environment (tests call
// resetEnvForTests) gets a new config instead of the first one for good.
const derived = new WeakMap<object, TDeliveryConfig>();

export function deliveryConfig(): TDeliveryConfig {
  const e = env();
  const known = derived.get(e);
  if (known) return known;
  const config: TDeliveryConfig = {
    allow: parseAllowList(e.HOOKLINE_ALLOWED_TARGETS),
    timeoutMs: e.HOOKLINE_TIMEOUT_MS,
    failureLimit: e.HOOKLINE_FAILURE_LIMIT,
    retrySchedule: parseDurationList(e.HOOKLINE_RETRY_SCHEDULE) ?? [],
    maxPayloadBytes: e.HOOKLINE_MAX_PAYLOAD_BYTES,
    maxBatchEvents: e.HOOKLINE_MAX_BATCH_EVENTS,
    concurrency: e.HOOKLINE_WORKER_CONCURRENCY,
    leaseMs: e.HOOKLINE_LEASE_MS ?? e.HOOKLINE_TIMEOUT_MS + 30_000,
    retentionDays: e.HOOKLINE_RETENTION_DAYS,
    auditRetentionDays: e.HOOKLINE_AUDIT_RETENTION_DAYS,
    validatePayloads: e.HOOKLINE_VALIDATE_PAYLOADS,
  };
  derived.set(e, config);
  return config;
}
