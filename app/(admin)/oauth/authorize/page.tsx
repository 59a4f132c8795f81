import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/layout/auth-card";
import { ConsentForm } from "@/components/oauth/consent-form";
import { ErrorAlert } from "@/components/ui/alert";
import { requireSignedInPage } from "@/lib/api/current-user";
import { describeAuthorization } from "@/lib/server/oauth/describe-authorization";

export const metadata: Metadata = { title: "Authorize an application · Hookline" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** OAuth 2.0 consent: a signed-in admin approves or denies an application's request for scopes. */
export default async function AuthorizePage({ searchParams }: Props) {
  const query = await searchParams;
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  // An admin of the application's workspace, whichever workspace the session is in now.
  const { user } = await requireSignedInPage(`/oauth/authorize?${search}`);
  const view = await describeAuthorization(query, user.id);
  // A bad request from a known client and redirect URI goes back to it with the error (RFC 6749 §4.1.2.1).
  if ("redirectTo" in view) redirect(view.redirectTo);
  if (!view.ok)
    return (
      <AuthCard title="Cannot authorize this application">
        <ErrorAlert>{view.message}</ErrorAlert>
      </AuthCard>
    );
  return (
    <AuthCard
      title={`Authorize ${view.appName}`}
      subtitle={
        <>
          Signed in as {user.email} · workspace {view.workspaceName}
        </>
      }
    >
      <ConsentForm request={view.request} appName={view.appName} scopes={view.scopes} redirectHost={view.redirectHost} />
    </AuthCard>
  );
}
