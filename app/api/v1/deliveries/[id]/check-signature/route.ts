// POST /api/v1/deliveries/{id}/check-signature — the signature debugger: which part of a receiver's check differs
import { withAdmin } from "@/lib/api/with-admin";
import { checkSignature } from "@/lib/server/deliveries/check-signature";
import { ZDeliveryId, ZSignatureCheck } from "@/lib/validation/delivery";

export const POST = withAdmin({ params: ZDeliveryId, body: ZSignatureCheck }, ({ params, body }) => checkSignature(params.id, body));
