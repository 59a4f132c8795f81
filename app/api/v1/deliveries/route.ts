// GET /api/v1/deliveries — the delivery log, newest first (filters, keyset cursor)
import { withAdmin } from "@/lib/api/with-admin";
import { listDeliveries } from "@/lib/server/deliveries/list-deliveries";
import { ZDeliveryListQuery } from "@/lib/validation/delivery";

export const GET = withAdmin({ query: ZDeliveryListQuery }, ({ query }) => listDeliveries(query));
