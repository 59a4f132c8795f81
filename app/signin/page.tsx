import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/api/current-user";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in · Hookline" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(returnTo);
  return (
    <AuthCard title="Sign in to Hookline" subtitle="Outgoing webhooks for your site">
      <SignInForm returnTo={returnTo} />
    </AuthCard>
  );
}
