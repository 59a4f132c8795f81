"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConsent } from "@/lib/queries/use-consent";
import type { TAuthorizeRequest } from "@/lib/validation/oauth";
import { SCOPE_DESCRIPTIONS, type TScope } from "@/lib/validation/scopes";

type Props = { request: TAuthorizeRequest; appName: string; scopes: TScope[]; redirectHost: string };

/** Approve or Deny; either way the browser goes back to the application with the answer. */
export function ConsentForm({ request, appName, scopes, redirectHost }: Props) {
  const consent = useConsent();
  const answer = (decision: "approve" | "deny") =>
    consent.mutate({ ...request, decision }, { onSuccess: ({ redirectTo }) => window.location.assign(redirectTo) });
  return (
    <div className="space-y-5">
      <p className="text-sm text-gray-700">
        <strong className="font-semibold text-gray-900">{appName}</strong> asks to use Hookline&apos;s admin API on your behalf, with these scopes:
      </p>
      <ul className="space-y-2" aria-label="Requested scopes">
        {scopes.map((scope) => (
          <li key={scope} className="rounded-md bg-gray-50 px-3 py-2 text-sm ring-1 ring-gray-200">
            <code className="font-mono text-xs font-semibold text-gray-900">{scope}</code>
            <span className="block text-xs text-gray-600">{SCOPE_DESCRIPTIONS[scope]}</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-gray-600">
        Its access token lasts 24 hours and can be refreshed; revoke it any time in Settings → OAuth apps. You will be sent back to{" "}
        <span className="font-mono break-all">{redirectHost}</span>.
      </p>
      {consent.error ? <ErrorAlert>{consent.error.message}</ErrorAlert> : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" disabled={consent.isPending} onClick={() => answer("deny")}>
          Deny
        </Button>
        <Button disabled={consent.isPending} onClick={() => answer("approve")}>
          Approve
        </Button>
      </div>
    </div>
  );
}
