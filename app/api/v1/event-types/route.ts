// GET /api/v1/event-types — the catalog; POST — register a host's own event type (409 if it exists)
import { createEventTypeOperation, listEventTypesOperation } from "@/lib/api/operations/event-types";
import { withAdmin } from "@/lib/api/with-admin";
import { createEventType, listEventTypes } from "@/lib/server/event-types/event-types";

export const GET = withAdmin(listEventTypesOperation, async ({ ctx }) => ({ data: await listEventTypes(ctx) }));

export const POST = withAdmin(createEventTypeOperation, async ({ body, ctx }) => Response.json(await createEventType(ctx, body), { status: 201 }));
