"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { useRevealWebhookToken } from "@/lib/queries/use-reveal-webhook-token";
import { useRotateWebhookToken } from "@/lib/queries/use-rotate-webhook-token";
import type { TRotationOverlap } from "@/lib/validation/webhook";

const INPUT =
  "block w-full min-w-0 rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none";

/** A Standard Webhooks style secret made in the browser: whsec_ + base64 of 32 random bytes. */
export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** Create form: leave empty (the server generates one), type your own, or generate here. */
export function NewTokenField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const [isShown, setIsShown] = useState(false);
  return (
    <div>
      <label htmlFor="token" className="block text-sm font-medium text-gray-900">
        Signing token
      </label>
      <p className="mt-0.5 text-sm text-gray-500">Receivers check the Signature headers with it. Leave empty to have one generated.</p>
      <div className="mt-1.5 flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          id="token"
          type={isShown ? "text" : "password"}
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={INPUT}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "token-error" : undefined}
        />
        <Button variant="secondary" onClick={() => onChange(generateToken())}>
          Generate
        </Button>
        <Button variant="secondary" onClick={() => setIsShown((s) => !s)} aria-pressed={isShown}>
          {isShown ? "Hide" : "Reveal"}
        </Button>
        <CopyButton value={value} />
      </div>
      {error ? (
        <p id="token-error" className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const OVERLAP_LABELS: Record<TRotationOverlap, string> = {
  now: "Stop it now (for a leaked token)",
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
};

/**
 * Edit form: the stored token is hidden until revealed. Rotating takes effect at once (it is not part
 * of Save, and the dialog says so); the old token signs beside the new one for the chosen overlap.
 */
export function SavedTokenField({ webhookId }: { webhookId: string }) {
  const toast = useToast();
  const [token, setToken] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [overlap, setOverlap] = useState<TRotationOverlap>("24h");
  const reveal = useRevealWebhookToken(webhookId);
  const rotate = useRotateWebhookToken(webhookId);
  const onError = (error: Error) => toast.error(error.message);
  const onReveal = () => reveal.mutate(undefined, { onSuccess: (r) => setToken(r.token), onError });
  const onRotate = () =>
    rotate.mutate(overlap, {
      onSuccess: (r) => {
        setToken(r.token);
        toast.success(
          r.previousTokenExpiresAt
            ? `Token rotated. The old token also signs until ${new Date(r.previousTokenExpiresAt).toLocaleString()}.`
            : "Token rotated. The old token no longer signs.",
        );
      },
      onError,
    });
  return (
    <div>
      <span id="saved-token-label" className="block text-sm font-medium text-gray-900">
        Signing token
      </span>
      <div className="mt-1.5 flex flex-wrap gap-2 sm:flex-nowrap">
        <input
          aria-labelledby="saved-token-label"
          readOnly
          value={token ?? "••••••••••••••••••••••••"}
          className={`${INPUT} bg-gray-50`}
          data-testid="saved-token"
        />
        <Button variant="secondary" disabled={reveal.isPending} onClick={() => (token ? setToken(null) : onReveal())}>
          {token ? "Hide" : "Reveal"}
        </Button>
        <CopyButton value={token ?? ""} />
        <Button variant="secondary" disabled={rotate.isPending} onClick={() => setIsConfirming(true)}>
          Rotate
        </Button>
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Rotate the signing token?"
        confirmLabel="Rotate"
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => {
          setIsConfirming(false);
          onRotate();
        }}
      >
        <p>
          A new token signs from now on. This happens at once, even if you then cancel this form. The old token can keep signing beside it, so receivers can
          switch without missing a delivery:
        </p>
        <fieldset className="mt-3 space-y-1.5">
          <legend className="text-sm font-medium text-gray-900">The old token also signs for</legend>
          {(Object.keys(OVERLAP_LABELS) as TRotationOverlap[]).map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm text-gray-800">
              <input type="radio" name="overlap" value={o} checked={overlap === o} onChange={() => setOverlap(o)} className="accent-brand-600" />
              {OVERLAP_LABELS[o]}
            </label>
          ))}
        </fieldset>
      </ConfirmDialog>
    </div>
  );
}
