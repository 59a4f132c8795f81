// GET /api/v1/overview — the workspace's last 24 hours, queue, webhooks needing attention, and workers
import { getOverviewOperation } from "@/lib/api/operations/overview";
import { withAdmin } from "@/lib/api/with-admin";
import { getOverview } from "@/lib/server/overview/get-overview";

export const GET = withAdmin(getOverviewOperation, async ({ ctx }) => ({ data: await getOverview(ctx) }));
