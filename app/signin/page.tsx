import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/api/current-user";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/safe-redirect";
import { initialPasswordHint } from "@/lib/server/users/ensure-first-admin";

export const metadata: Metadata = { title: "Sign in · Hookline" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await currentUser()) redirect(returnTo);
  const { DATABASE_URL, HOOKLINE_DATA_DIR } = env();
  const firstRun = initialPasswordHint(DATABASE_URL ? null : HOOKLINE_DATA_DIR);
  return (
    <AuthCard title="Sign in to Hookline" subtitle="Outgoing webhooks for your site">
      {firstRun ? (
        <div className="mb-5 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="first-run-hint">
          <p className="font-medium">First time here?</p>
          <p className="mt-1">
            Sign in as <span className="font-mono">{firstRun.email}</span> with the password Hookline generated into{" "}
            <span className="font-mono break-all">{firstRun.passwordFile}</span> (readable only by the user running Hookline). The file goes once that password
            is changed (<span className="font-mono">npm run cli -- user set-password --email {firstRun.email}</span>).
          </p>
        </div>
      ) : null}
      <SignInForm returnTo={returnTo} />
    </AuthCard>
  );
}
