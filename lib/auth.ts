import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { instanceSecrets } from "./instance-secrets";
import { authenticateUser } from "./server/authenticate-user";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The first address in X-Forwarded-For / X-Real-IP, when a proxy in front of us set one. */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"] ?? headers?.["x-real-ip"];
  return typeof forwarded === "string" && forwarded.trim() ? (forwarded.split(",")[0]?.trim() ?? null) : null;
}

let cached: NextAuthOptions | undefined;

// Built on first use rather than at import: the secret may have to be read from the data directory,
// which must not happen while `next build` evaluates modules.
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: instanceSecrets().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Throwing passes the message to the sign-in form (rate limit); null means "wrong email or password".
        authorize: (credentials, req) => authenticateUser(credentials, clientAddress(req?.headers)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) session.user = { ...session.user, id: token.uid, role: token.role };
        return session;
      },
    },
  };
  return cached;
}
