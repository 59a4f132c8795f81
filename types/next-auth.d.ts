import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: "ADMIN" | "MEMBER"; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    role: "ADMIN" | "MEMBER";
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: "ADMIN" | "MEMBER";
    /** The user's session version at sign-in (lib/auth/session-user.ts). */
    sv?: number;
  }
}
