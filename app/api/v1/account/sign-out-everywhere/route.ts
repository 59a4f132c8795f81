// POST /api/v1/account/sign-out-everywhere — ends every session of the signed-in user
import { signOutEverywhereOperation } from "@/lib/api/operations/account";
import { withSession } from "@/lib/api/with-admin";
import { endSessions } from "@/lib/auth/session-user";

export const POST = withSession(signOutEverywhereOperation, async ({ ctx }) => {
  await endSessions(ctx.user.id);
  return new Response(null, { status: 204 });
});
