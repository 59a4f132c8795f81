// GET /api/v1/live — Server-Sent Events: which topics changed in the workspace
import { liveStream } from "@/lib/api/live-stream";
import { liveUpdatesOperation } from "@/lib/api/operations/live";
import { withAdmin } from "@/lib/api/with-admin";
import { openDb } from "@/lib/db";

// Never cached or pre-rendered: each request is a stream of its own.
export const dynamic = "force-dynamic";

export const GET = withAdmin(liveUpdatesOperation, async ({ ctx, request }) => liveStream(await openDb(), ctx.workspace.id, request.signal));
