// POST /api/v1/webhooks/try-filter — the form's "Try it": a payload filter run on an example or pasted data
import { tryFilterOperation } from "@/lib/api/operations/webhooks";
import { withAdmin } from "@/lib/api/with-admin";
import { tryFilter } from "@/lib/server/webhooks/try-filter";

export const POST = withAdmin(tryFilterOperation, ({ body, ctx }) => tryFilter(ctx, body));
