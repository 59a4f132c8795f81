// PATCH /api/v1/account — the signed-in user's own settings (whether Hookline emails them)
import { updateAccountOperation } from "@/lib/api/operations/account";
import { withSession } from "@/lib/api/with-admin";
import { updateAccount } from "@/lib/server/users/account";

export const PATCH = withSession(updateAccountOperation, async ({ body, ctx }) => ({ data: await updateAccount(ctx, ctx.user, body) }));
