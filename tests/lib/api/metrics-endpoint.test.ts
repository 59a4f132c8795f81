import { afterEach, describe, expect, it } from "vitest";
import { isMetricsToken, metricsResponse } from "@/lib/api/metrics-endpoint";
import { hooklineMetrics } from "@/lib/delivery/metrics";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { configureEnv, unstubEnvAfterEach } from "../../helpers/stub-env";

const TOKEN = "metrics-token-for-tests-0123";
const configure = configureEnv;
unstubEnvAfterEach();
// The process's registry reads the database the last scrape named: not this test's, once it is gone
// (another file in the same worker reads the registry too).
afterEach(() => {
  hooklineMetrics().database.prisma = null;
});

describe("isMetricsToken", () => {
  it("wants exactly 'Bearer <token>'", () => {
    expect(isMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(isMetricsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    for (const wrong of [null, "", TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, "Bearer "]) expect(isMetricsToken(wrong, TOKEN), String(wrong)).toBe(false);
  });
});

describe.each(TEST_DATABASES)("GET /metrics on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const prisma = async () => db().prisma;

  it("is off (404) without HOOKLINE_METRICS_TOKEN, 401 without the token, and Prometheus text with it", async () => {
    configure({ HOOKLINE_METRICS_TOKEN: "" });
    expect((await metricsResponse(`Bearer ${TOKEN}`, prisma)).status).toBe(404);
    configure({ HOOKLINE_METRICS_TOKEN: TOKEN });
    const refused = await metricsResponse("Bearer nope", prisma);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const ok = await metricsResponse(`Bearer ${TOKEN}`, prisma);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await ok.text();
    for (const name of [
      "hookline_events_published_total",
      "hookline_delivery_attempts_total",
      "hookline_delivery_attempt_duration_seconds",
      "hookline_deliveries_due",
      "hookline_oldest_due_delivery_age_seconds",
      "hookline_webhooks",
      "hookline_worker_in_flight",
    ])
      expect(text, name).toContain(`# TYPE ${name} `);
  });
});
