// POST /api/v1/account/sign-out-everywhere — ends every session of the signed-in user
import { signOutEverywhereOperation } from "@/lib/api/operations/account";
import { withSession } from "@/lib/api/with-admin";
import { signOutEverywhere } from "@/lib/server/users/account";

export const POST = withSession(signOutEverywhereOperation, async ({ ctx }) => {
  await signOutEverywhere(ctx, ctx.user);
  return new Response(null, { status: 204 });
});
