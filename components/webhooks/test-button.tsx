"use client";

import { useMutation } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type TTestTarget, testWebhook } from "@/lib/client/webhooks";
import { TestResult } from "./test-result";

/** One Test action: its button and its inline outcome can sit in different places of a layout. */
export function useWebhookTest(getTarget: () => TTestTarget | null, label = "Test") {
  const test = useMutation({ mutationFn: testWebhook });
  const button = (
    <Button
      variant="secondary"
      disabled={test.isPending}
      onClick={() => {
        const target = getTarget();
        if (target) test.mutate(target);
      }}
    >
      {test.isPending ? "Testing…" : label}
    </Button>
  );
  const outcome = test.data ? (
    <TestResult result={test.data} />
  ) : test.error ? (
    <div className="mt-3">
      <ErrorAlert>{test.error.message}</ErrorAlert>
    </div>
  ) : null;
  return { button, outcome };
}
