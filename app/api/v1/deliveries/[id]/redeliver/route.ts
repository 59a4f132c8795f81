// POST /api/v1/deliveries/{id}/redeliver — one more attempt now, same Delivery id (trigger manual)
import { redeliverOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { redeliverDelivery } from "@/lib/server/deliveries/redeliver-delivery";

export const POST = withAdmin(redeliverOperation, async ({ params, ctx }) => Response.json(await redeliverDelivery(ctx, params.id), { status: 202 }));
