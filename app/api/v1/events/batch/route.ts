// POST /api/v1/events/batch — publish up to HOOKLINE_MAX_BATCH_EVENTS events at once, atomically: 202 with one result per event
import { withAdmin } from "@/lib/api/with-admin";
import { publishBatch } from "@/lib/delivery/publish-event";
import { ZPublishBatch } from "@/lib/validation/event";

export const POST = withAdmin({ body: ZPublishBatch }, async ({ body }) => Response.json(await publishBatch(body), { status: 202 }));
