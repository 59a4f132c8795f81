// GET /api/v1/deliveries — the delivery log, newest first (filters, keyset cursor)
import { listDeliveriesOperation } from "@/lib/api/operations/deliveries";
import { withAdmin } from "@/lib/api/with-admin";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";

export const GET = withAdmin(listDeliveriesOperation, ({ query, ctx }) => listDeliveries(ctx, query));
