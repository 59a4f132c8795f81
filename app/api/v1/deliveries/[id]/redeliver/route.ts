// POST /api/v1/deliveries/{id}/redeliver — one more attempt now, same Delivery id (trigger manual)
import { withAdmin } from "@/lib/api/with-admin";
import { redeliverDelivery } from "@/lib/server/deliveries/redeliver-delivery";
import { ZDeliveryId } from "@/lib/validation/delivery";

export const POST = withAdmin({ params: ZDeliveryId }, async ({ params }) => Response.json(await redeliverDelivery(params.id), { status: 202 }));
