"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { useRevealWebhookToken } from "@/lib/queries/use-reveal-webhook-token";
import { useRotateWebhookToken } from "@/lib/queries/use-rotate-webhook-token";

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

/** Edit form: the stored token is hidden until revealed; rotating keeps the old one signing for 24 h. */
export function SavedTokenField({ webhookId }: { webhookId: string }) {
  const toast = useToast();
  const [token, setToken] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const reveal = useRevealWebhookToken(webhookId);
  const rotate = useRotateWebhookToken(webhookId);
  const onError = (error: Error) => toast.error(error.message);
  const onReveal = () => reveal.mutate(undefined, { onSuccess: (r) => setToken(r.token), onError });
  const onRotate = () =>
    rotate.mutate(undefined, {
      onSuccess: (r) => {
        setToken(r.token);
        toast.success("Token rotated. The old token also signs for the next 24 hours.");
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
        A new token signs from now on. For 24 hours the old token signs too, so receivers can switch without missing a delivery.
      </ConfirmDialog>
    </div>
  );
}
