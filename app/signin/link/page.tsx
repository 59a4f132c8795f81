import type { Metadata } from "next";
import { SignInWithLink } from "@/components/auth/sign-in-with-link";
import { AuthCard } from "@/components/layout/auth-card";

export const metadata: Metadata = { title: "Signing in · Hookline", referrer: "no-referrer" };

/** Where a host's sign-in link lands (POST /api/v1/workspaces/{id}/sign-in-links): the token is in the fragment. */
export default function SignInLinkPage() {
  return (
    <AuthCard title="Signing in to Hookline">
      <SignInWithLink />
    </AuthCard>
  );
}
