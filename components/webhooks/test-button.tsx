"use client";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { TTestTarget } from "@/lib/client/webhooks-api";
import type { TTestWebhookMutation } from "@/lib/queries/use-test-webhook";
import { TestResult } from "./test-result";

// One Test action (useTestWebhook) drives both: the button and its inline outcome can sit in
// different places of a layout.

type ButtonProps = { test: TTestWebhookMutation; getTarget: () => TTestTarget | null; label?: string };

/** Sends the target `getTarget` gives; a null target (the form showed why) sends nothing. */
export function TestButton({ test, getTarget, label = "Test" }: ButtonProps) {
  return (
    // aria-disabled, not disabled, while it runs: a disabled button drops the keyboard focus to the
    // page's start, and the admin who pressed it would have to find their way back.
    <Button
      variant="secondary"
      aria-disabled={test.isPending}
      className="aria-disabled:cursor-wait aria-disabled:opacity-60"
      onClick={() => {
        if (test.isPending) return;
        const target = getTarget();
        if (target) test.mutate(target);
      }}
    >
      {test.isPending ? "Testing…" : label}
    </Button>
  );
}

/**
 * The last test's outcome, naming the URL it went to: the one the test sent to, or `savedUrl` for a
 * test of the saved webhook. Whoever owns `test` resets it when what it tested changes. `onEnable`
 * (a disabled webhook): after a test that passed, "Enable now" is right there.
 */
export function TestOutcome({ test, savedUrl, onEnable }: { test: TTestWebhookMutation; savedUrl?: string; onEnable?: () => void }) {
  const url = test.variables?.url ?? savedUrl;
  if (test.data)
    return (
      <TestResult result={test.data} url={url}>
        {test.data.ok && onEnable ? (
          <Button variant="primary" className="mt-2" onClick={onEnable}>
            Enable now
          </Button>
        ) : null}
      </TestResult>
    );
  if (!test.error) return null;
  return (
    <div className="mt-3">
      <ErrorAlert>
        {url ? `Could not test ${url}: ` : ""}
        {test.error.message}
      </ErrorAlert>
    </div>
  );
}
