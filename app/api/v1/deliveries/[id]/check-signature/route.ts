// POST /api/v1/deliveries/{id}/check-signature — the signature debugger: which part of a receiver's check differs
import { checkSignatureOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { checkSignature } from "@/lib/server/deliveries/check-signature";

export const POST = withAdmin(checkSignatureOperation, ({ params, body, ctx }) => checkSignature(ctx, params.id, body));
