import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// deliveryConfig() and env() each parse once per process; a fresh import of the module graph
// gives each case a config read from the environment it stubs.
const SETTINGS = [
  "HOOKLINE_ALLOWED_TARGETS",
  "HOOKLINE_TIMEOUT_MS",
  "HOOKLINE_FAILURE_LIMIT",
  "HOOKLINE_RETRY_SCHEDULE",
  "HOOKLINE_MAX_PAYLOAD_BYTES",
  "HOOKLINE_MAX_BODY_BYTES",
  "HOOKLINE_MAX_BATCH_EVENTS",
  "HOOKLINE_WORKER_CONCURRENCY",
  "HOOKLINE_LEASE_MS",
  "HOOKLINE_RETENTION_DAYS",
  "HOOKLINE_VALIDATE_PAYLOADS",
];

async function freshDeliveryConfig(values: Record<string, string>) {
  for (const name of SETTINGS) vi.stubEnv(name, values[name] ?? "");
  vi.resetModules();
  return (await import("@/lib/delivery/config")).deliveryConfig;
}

describe("deliveryConfig", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("uses the documented defaults when nothing is set", async () => {
    const config = (await freshDeliveryConfig({}))();
    expect(config).toEqual({
      allow: { hosts: new Set(), cidrs: [] },
      timeoutMs: 5_000,
      failureLimit: 10,
      retrySchedule: [60_000, 300_000, 600_000],
      maxPayloadBytes: 256 * 1024,
      maxBatchEvents: 500,
      concurrency: 64,
      leaseMs: 35_000,
      retentionDays: 30,
      auditRetentionDays: 365,
      validatePayloads: "warn",
    });
  });

  it("reads every setting from the environment", async () => {
    const config = (
      await freshDeliveryConfig({
        HOOKLINE_ALLOWED_TARGETS: "127.0.0.1, Hooks.Internal,10.0.0.0/8",
        HOOKLINE_TIMEOUT_MS: "1500",
        HOOKLINE_FAILURE_LIMIT: "3",
        HOOKLINE_RETRY_SCHEDULE: "500ms,30s, 2m,1h",
        HOOKLINE_MAX_PAYLOAD_BYTES: "2048",
        HOOKLINE_MAX_BATCH_EVENTS: "20",
        HOOKLINE_WORKER_CONCURRENCY: "4",
        HOOKLINE_LEASE_MS: "9000",
        HOOKLINE_RETENTION_DAYS: "7",
        HOOKLINE_VALIDATE_PAYLOADS: "reject",
      })
    )();
    expect(config).toMatchObject({
      timeoutMs: 1_500,
      failureLimit: 3,
      retrySchedule: [500, 30_000, 120_000, 3_600_000],
      maxPayloadBytes: 2_048,
      maxBatchEvents: 20,
      concurrency: 4,
      leaseMs: 9_000,
      retentionDays: 7,
      validatePayloads: "reject",
    });
    expect(config.allow.hosts).toEqual(new Set(["hooks.internal"]));
    expect(config.allow.cidrs.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual(["127.0.0.1/32", "10.0.0.0/8"]);
  });

  it("without HOOKLINE_LEASE_MS, a lease outlasts the timeout by 30 s", async () => {
    expect((await freshDeliveryConfig({ HOOKLINE_TIMEOUT_MS: "12000" }))().leaseMs).toBe(42_000);
  });

  it("is read once: later changes to the environment do not change it", async () => {
    const deliveryConfig = await freshDeliveryConfig({ HOOKLINE_FAILURE_LIMIT: "5" });
    const first = deliveryConfig();
    vi.stubEnv("HOOKLINE_FAILURE_LIMIT", "99");
    expect(deliveryConfig()).toBe(first);
    expect(deliveryConfig().failureLimit).toBe(5);
  });

  it("refuses an environment it cannot read", async () => {
    const deliveryConfig = await freshDeliveryConfig({ HOOKLINE_RETRY_SCHEDULE: "1 minute" });
    expect(() => deliveryConfig()).toThrow(/HOOKLINE_RETRY_SCHEDULE/);
    expect(await freshDeliveryConfig({ HOOKLINE_VALIDATE_PAYLOADS: "strict" })).toThrow(/HOOKLINE_VALIDATE_PAYLOADS must be reject, warn or off/);
  });

  it("follows resetEnvForTests: a new environment gives a new config, the same one the same object", async () => {
    vi.stubEnv("HOOKLINE_TIMEOUT_MS", "1234");
    vi.resetModules();
    const { deliveryConfig } = await import("@/lib/delivery/config");
    const { resetEnvForTests } = await import("@/lib/env");
    resetEnvForTests();
    const first = deliveryConfig();
    expect(first.timeoutMs).toBe(1234);
    expect(deliveryConfig()).toBe(first);
    vi.stubEnv("HOOKLINE_TIMEOUT_MS", "4321");
    resetEnvForTests();
    expect(deliveryConfig().timeoutMs).toBe(4321);
  });
});
