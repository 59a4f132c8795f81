import type { Metadata } from "next";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/api/current-user";

export const metadata: Metadata = { title: "Admins only · Hookline" };

// Rendered with HTTP 403 by forbidden() (lib/auth/current-user.ts) for signed-in non-admins.
export default async function Forbidden() {
  const user = await currentUser();
  return (
    <AuthCard title="Admins only" subtitle="403 · You don't have access to this page">
      <p className="text-sm text-gray-700">
        Webhook settings are for site admins.{" "}
        {user ? (
          <>
            You are signed in as <strong className="font-semibold">{user.email}</strong>, a member.
          </>
        ) : null}{" "}
        Ask an admin of this site to give you the admin role, or sign in with another account.
      </p>
      <div className="mt-6 flex justify-end">
        <SignOutButton variant="secondary" />
      </div>
    </AuthCard>
  );
}
