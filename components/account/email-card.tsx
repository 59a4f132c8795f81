"use client";

import { useState } from "react";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { useUpdateAccount } from "@/lib/queries/use-update-account";

/**
 * Whether Hookline emails you when a webhook of a workspace you administer breaks. The switch shows
 * what the server holds: it moves when the change is saved, not before. Without SMTP_URL nothing is
 * emailed at all, and the card says so (the setting is kept for when it is set up).
 */
export function EmailCard({ notifyByEmail, isEmailOn }: { notifyByEmail: boolean; isEmailOn: boolean }) {
  const [isOn, setOn] = useState(notifyByEmail);
  const update = useUpdateAccount();
  const toast = useToast();
  return (
    <section className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-labelledby="email-title">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id="email-title" className="text-base font-semibold text-gray-900">
            Email
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            Email me when Hookline disables a webhook, when one reaches half its failure limit, and when a delivery fails for good — at most one email an hour
            per webhook for the same news.
          </p>
        </div>
        <Switch
          isOn={isOn}
          isBusy={update.isPending}
          label="Email me when a webhook breaks"
          onChange={(next) =>
            update.mutate({ notifyByEmail: next }, { onSuccess: (a) => setOn(a.notifyByEmail), onError: (e) => toast.error(`Not saved: ${e.message}`) })
          }
        />
      </div>
      {isEmailOn ? null : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="email-off">
          Email is off on this installation: it has no <code className="font-mono">SMTP_URL</code>. Hookline still publishes the same news as hookline.* events,
          which any webhook can subscribe to.
        </p>
      )}
    </section>
  );
}
