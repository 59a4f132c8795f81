// POST /api/v1/deliveries/redeliver — several deliveries sent again now, each its own attempt
import { redeliverManyOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { redeliverDeliveries } from "@/lib/server/deliveries/redeliver-deliveries";

export const POST = withAdmin(redeliverManyOperation, async ({ body, ctx }) => Response.json(await redeliverDeliveries(ctx, body.ids), { status: 202 }));
