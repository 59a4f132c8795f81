// POST /api/v1/account/password — a signed-in user's own new password (ends every session of theirs)
import { ApiError } from "@/lib/api/api-error";
import { changePasswordOperation } from "@/lib/api/operations/account";
import { withSession } from "@/lib/api/with-admin";
import { changeOwnPassword } from "@/lib/server/users/account";
import { TooManyAttemptsError } from "@/lib/server/users/authenticate-user";

export const POST = withSession(changePasswordOperation, async ({ body, ctx }) => {
  try {
    await changeOwnPassword(ctx.user, body, ctx);
  } catch (error) {
    if (!(error instanceof TooManyAttemptsError)) throw error;
    const seconds = Math.ceil(error.retryAfterMs / 1000);
    throw new ApiError(429, "too_many_attempts", `Too many wrong passwords: try again in ${seconds} s`, undefined, { "retry-after": String(seconds) });
  }
  return new Response(null, { status: 204 });
});
