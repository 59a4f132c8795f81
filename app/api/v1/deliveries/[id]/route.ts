// GET /api/v1/deliveries/{id} — one delivery with every attempt and the body as sent
import { withAdmin } from "@/lib/api/with-admin";
import { getDelivery } from "@/lib/server/deliveries/get-delivery";
import { ZDeliveryId } from "@/lib/validation/delivery";

export const GET = withAdmin({ params: ZDeliveryId }, ({ params }) => getDelivery(params.id));
