// GET /api/v1/deliveries/{id} — one delivery with every attempt and the body as sent
import { getDeliveryOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";

export const GET = withAdmin(getDeliveryOperation, ({ params, ctx }) => getDelivery(ctx, params.id));
