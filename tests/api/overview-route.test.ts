import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/overview/route";
import { ZOverview } from "@/lib/validation/overview";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { enabledWebhook } from "../helpers/delivery";
import { call, scopedKey } from "../helpers/routes";

describe.each(TEST_DATABASES)("GET /api/v1/overview on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("answers the documented shape to a key that may read webhooks or deliveries, and 403 to a publishing key", async () => {
    const hook = await enabledWebhook("http://127.0.0.1:9/h");
    await db().prisma.webhook.update({
      where: { id: hook.id },
      data: { consecutiveFailures: 2, lastFailureStatusCode: 500, lastFailureErrorClass: "http_status" },
    });
    for (const scope of ["webhooks:read", "deliveries:read"] as const) {
      const res = await call(GET, { path: "/overview", key: await scopedKey([scope]) });
      expect(res.status).toBe(200);
      const { data } = res.json as { data: unknown };
      const overview = ZOverview.parse(data);
      expect(overview.webhooks.top).toMatchObject([{ id: hook.id, status: "failing", reason: "2 failed attempts in a row · last: Error status · HTTP 500" }]);
    }
    expect((await call(GET, { path: "/overview", key: await scopedKey(["events:publish"]) })).status).toBe(403);
  });
});
