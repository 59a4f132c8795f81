import "server-only";
import { cookies } from "next/headers";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authCookies, cookieBase, workspaceCookieOptions } from "../auth/cookie-options";
import { cookieValue, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, issueDeviceToken } from "../auth/device-cookie";
import { endSessions, sessionUser } from "../auth/session-user";
import { logUnexpected } from "../errors/log-unexpected";
import { forwardedClientAddress } from "../http/client-address";
import { instanceSecrets } from "../instance-secrets";
import { authenticateUser, TooManyAttemptsError } from "../server/users/authenticate-user";
import { redeemSignInLink, SignInLinkError } from "../server/workspaces/sign-in-links";
import { WORKSPACE_COOKIE } from "./workspace-cookie";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Remembers this browser as one that has signed in as `email` (lib/auth/device-cookie.ts). */
async function rememberDevice(email: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(email, instanceSecrets().authSecret), { ...cookieBase(), maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

let cached: NextAuthOptions | undefined;

// Built on first use rather than at import: the secret may have to be read from the data directory,
// which must not happen while `next build` evaluates modules.
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: instanceSecrets().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    cookies: authCookies(),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Throwing passes the message to the sign-in form (rate limit); null means "wrong email or password".
        authorize: async (credentials, req) => {
          const headers = req?.headers as Record<string, unknown> | undefined;
          const deviceToken = cookieValue(typeof headers?.cookie === "string" ? headers.cookie : null, DEVICE_COOKIE);
          let user: Awaited<ReturnType<typeof authenticateUser>>;
          try {
            user = await authenticateUser(credentials, forwardedClientAddress(headers?.["x-forwarded-for"], headers?.["x-real-ip"]), undefined, {
              deviceToken,
            });
          } catch (error) {
            if (error instanceof TooManyAttemptsError) throw error;
            // The form shows a thrown message as it is: never a database error's text to a stranger.
            logUnexpected("sign-in failed", error);
            throw new Error("Sign-in is unavailable right now. Try again in a few seconds.");
          }
          if (user) await rememberDevice(user.email);
          return user;
        },
      }),
      // A host's one-time link (lib/server/workspaces/sign-in-links.ts): the page posts its token here.
      CredentialsProvider({
        id: "sign-in-link",
        name: "Sign-in link",
        credentials: { token: { label: "Token", type: "text" } },
        authorize: async (credentials, req) => {
          try {
            const headers = req?.headers as Record<string, unknown> | undefined;
            const address = forwardedClientAddress(headers?.["x-forwarded-for"], headers?.["x-real-ip"]);
            const { workspace, ...user } = await redeemSignInLink(credentials?.token ?? "", address);
            // The link's workspace is where the session starts.
            (await cookies()).set(WORKSPACE_COOKIE, workspace.id, workspaceCookieOptions().forCookieStore);
            return user;
          } catch (error) {
            if (error instanceof SignInLinkError) throw new Error(error.message);
            logUnexpected("sign-in with a link failed", error);
            throw new Error("Sign-in is unavailable right now. Try again in a few seconds.");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      // next-auth's own /api/auth/session answers from here: an ended session is no session there either.
      async session({ session, token }) {
        const user = await sessionUser(token);
        if (!user) return { expires: session.expires } as Session;
        session.user = { ...session.user, id: user.id, isOperator: user.isOperator, sessionVersion: user.sessionVersion };
        return session;
      },
    },
    events: {
      // Signing out ends every session of the user, not just this cookie: a JWT cannot be recalled
      // one by one, and a copy of this cookie elsewhere must stop working too.
      async signOut({ token }) {
        if (typeof token?.uid === "string" && typeof token.sv === "number") await endSessions(token.uid, token.sv);
      },
    },
  };
  return cached;
}
