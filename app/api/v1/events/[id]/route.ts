// GET /api/v1/events/{id} — an event with every delivery it made
import { getEventOperation } from "@/lib/api/operations/events";
import { withAdmin } from "@/lib/api/with-admin";
import { getEvent } from "@/lib/server/events/get-event";

export const GET = withAdmin(getEventOperation, ({ params, ctx }) => getEvent(ctx, params.id));
