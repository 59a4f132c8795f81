// POST /api/v1/events — publish an event: 202 with its id and how many deliveries it created
import { withAdmin } from "@/lib/api/with-admin";
import { publishEvent } from "@/lib/delivery/publish-event";
import { ZPublishEvent } from "@/lib/validation/event";

export const POST = withAdmin({ body: ZPublishEvent }, async ({ body }) => Response.json(await publishEvent(body), { status: 202 }));
