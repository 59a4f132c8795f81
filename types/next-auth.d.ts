import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; isOperator: boolean; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    isOperator: boolean;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The user's session version at sign-in (lib/auth/session-user.ts). */
    sv?: number;
  }
}
