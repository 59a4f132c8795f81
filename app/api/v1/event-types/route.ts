// GET /api/v1/event-types — the catalog; POST — register a host's own event type (409 if it exists)
import { withAdmin } from "@/lib/api/with-admin";
import { createEventType, listEventTypes } from "@/lib/server/catalog/event-types";
import { ZEventTypeCreate } from "@/lib/validation/catalog";

export const GET = withAdmin({}, async () => ({ data: await listEventTypes() }));

export const POST = withAdmin({ body: ZEventTypeCreate }, async ({ body }) => Response.json(await createEventType(body), { status: 201 }));
