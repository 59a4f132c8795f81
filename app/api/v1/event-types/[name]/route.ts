// GET /api/v1/event-types/{name} — one type with its schema and example; PATCH — change a workspace's own type
import { getEventTypeOperation, updateEventTypeOperation } from "@/lib/api/operations/event-types";
import { withAdmin } from "@/lib/api/with-admin";
import { getEventType, updateEventType } from "@/lib/server/event-types/event-types";

export const GET = withAdmin(getEventTypeOperation, ({ params, ctx }) => getEventType(ctx, params.name));

export const PATCH = withAdmin(updateEventTypeOperation, ({ params, body, ctx }) => updateEventType(ctx, params.name, body));
