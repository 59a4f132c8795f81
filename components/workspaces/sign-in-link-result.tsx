"use client";

import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/secret-reveal";

export type TShownLink = { email: string; role: "admin" | "member"; url: string; expiresAt: string };

const timeText = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
const minutesLeft = (iso: string, now = Date.now()) => Math.max(0, Math.round((Date.parse(iso) - now) / 60_000));

/** A sign-in link, shown this once: the server keeps only its hash, so Done is the last of it. */
export function SignInLinkResult({ link, workspaceName, onDone }: { link: TShownLink; workspaceName: string; onDone: () => void }) {
  const minutes = minutesLeft(link.expiresAt);
  return (
    <div role="status" className="space-y-2 rounded-lg border border-green-200 bg-green-50 p-4" data-testid="sign-in-link">
      <p className="text-sm font-semibold break-words text-green-900">Sign-in link for {link.email}. Copy it now: it is not shown again.</p>
      <SecretReveal label="Sign-in link" value={link.url} tone="success" />
      <p className="text-xs text-green-900">
        It works once and expires at <time dateTime={link.expiresAt}>{timeText(link.expiresAt)}</time> (in {minutes} minute{minutes === 1 ? "" : "s"}). Opening
        it signs them in to {workspaceName} as {link.role === "admin" ? "an admin" : "a member"}, making their account and membership if missing.
      </p>
      <Button variant="ghost" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
