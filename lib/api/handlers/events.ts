import "server-only";
import { publishBatchInto, publishInto } from "../../server/events/publish-into";
import { publishBatchOperation, publishEventOperation } from "../operations/events";
import { withAdmin } from "../with-admin";

// The publish operations, declared once: app/api/v1/events/**/route.ts exports them to Next, and
// scripts/serve.ts answers them itself before Next's pipeline (lib/api/direct-routes.ts).

/** POST /api/v1/events — publish an event: 202 with its id and how many deliveries it created. */
export const publishEventHandler = withAdmin(publishEventOperation, async ({ body, ctx }) => Response.json(await publishInto(ctx, body), { status: 202 }));

/** POST /api/v1/events/batch — publish up to HOOKLINE_MAX_BATCH_EVENTS events atomically: 202 with one result per event. */
export const publishBatchHandler = withAdmin(publishBatchOperation, async ({ body, ctx }) => Response.json(await publishBatchInto(ctx, body), { status: 202 }));
