import { describe, expect, it } from "vitest";
import { serveMetrics } from "@/lib/api/metrics-server";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";
import { configureEnv, unstubEnvAfterEach } from "../../helpers/stub-env";

const TOKEN = "metrics-token-for-tests-0123";
const configure = configureEnv;
unstubEnvAfterEach();

describe.each(TEST_DATABASES)("a worker's metrics port on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const prisma = async () => db().prisma;

  it("a worker serves the same on its own port, and nothing else there", async () => {
    configure({ HOOKLINE_METRICS_TOKEN: TOKEN });
    const server = await serveMetrics(0, "127.0.0.1", prisma);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("# TYPE hookline_deliveries_due gauge");
      expect((await fetch(`${base}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
