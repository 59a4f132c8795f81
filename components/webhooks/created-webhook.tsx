"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { Switch } from "@/components/ui/switch";
import type { TTestWebhookMutation } from "@/lib/queries/use-test-webhook";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import { useToggleWebhook } from "@/lib/queries/use-toggle-webhook";
import { TestingNote } from "./status-dot";
import { TestButton, TestOutcome } from "./test-button";

type Props = {
  created: { id: string; url: string; token: string };
  /** The form's own test, when it was of the URL just saved: its outcome stays in view. */
  formTest: TTestWebhookMutation;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
};

/**
 * After "Create": the signing token once, and the way on: test the saved webhook, and enable it here
 * ("Enable now" after a test that passed, or the switch, which tests first). The one message of a
 * failed enable replaces the test's outcome rather than contradicting it.
 */
export function CreatedWebhook({ created, formTest, headingRef }: Props) {
  const ownTest = useTestWebhook();
  const [isEnabled, setEnabled] = useState(false);
  const toggle = useToggleWebhook({ onSuccess: ({ isEnabled: on }) => setEnabled(on) });
  const test = ownTest.data || ownTest.error || ownTest.isPending ? ownTest : formTest.variables?.url === created.url ? formTest : ownTest;
  const isTesting = toggle.isPending && toggle.variables.isEnabled;
  const enableError = toggle.isError && toggle.variables.isEnabled ? toggle.error.message : null;
  const enable = () => toggle.mutate({ id: created.id, isEnabled: true });
  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 ref={headingRef} tabIndex={-1} className="text-base font-semibold text-gray-900">
        Webhook created
      </h2>
      <p className="mt-1 text-sm text-gray-600">Give this signing token to the receiver. You can reveal it again from the webhook's edit page.</p>
      <div className="mt-4">
        <SecretReveal label="Signing token" value={created.token} />
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-3 border-t border-gray-100 pt-4">
        <Switch isOn={isEnabled} isBusy={isTesting} label={`Enabled: ${created.url}`} onChange={(on) => (on ? enable() : undefined)} isDisabled={isEnabled} />
        {isTesting ? (
          <TestingNote />
        ) : (
          <span className="text-sm text-gray-700" data-testid="created-status">
            {isEnabled ? "Enabled: it receives events from now on." : "Not enabled yet: it receives nothing until you enable it."}
          </span>
        )}
        <TestButton test={ownTest} getTarget={() => ({ id: created.id })} />
      </div>
      {enableError ? (
        <p role="alert" className="mt-2 text-sm text-red-700" data-testid="enable-error">
          {enableError}
        </p>
      ) : (
        <TestOutcome test={test} savedUrl={created.url} onEnable={isEnabled || isTesting ? undefined : enable} />
      )}
      <div className="mt-6 flex justify-end">
        <Link href="/settings/webhooks" className={buttonClass("primary")}>
          Done
        </Link>
      </div>
    </div>
  );
}
