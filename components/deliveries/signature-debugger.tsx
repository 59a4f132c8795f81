"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { useCheckSignature } from "@/lib/queries/use-check-signature";

const FIELD =
  "mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-xs ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none";

function SignedString({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-semibold text-gray-700">{label}</p>
        <CopyButton value={value} />
      </div>
      <CodeBlock className="mt-1 max-h-28 overflow-auto rounded bg-gray-50 p-2 font-mono text-xs break-all whitespace-pre-wrap">{value}</CodeBlock>
    </div>
  );
}

type Props = { deliveryId: string; body: string; timestamp: string | null; twentyTimestamp?: string | null };

/** The exact strings signed, then: paste what a receiver used, and the server names the part that differs. */
export function SignatureDebugger({ deliveryId, body: sentBody, timestamp, twentyTimestamp = null }: Props) {
  const [secret, setSecret] = useState("");
  const [signature, setSignature] = useState("");
  const [twentyTs, setTwentyTs] = useState("");
  const [body, setBody] = useState("");
  const check = useCheckSignature(deliveryId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // A timestamp makes a hex signature Twenty's (the server reads it so too).
    check.mutate({ secret, signature, ...(twentyTs.trim() ? { timestamp: twentyTs.trim() } : {}), ...(body ? { body } : {}) });
  };
  const result = check.data;
  const verdictRef = useRef<HTMLDivElement>(null);
  // The verdict lands under the form, often below the fold: bring each new one into view.
  useEffect(() => {
    if (result) verdictRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [result]);
  return (
    <section aria-labelledby="debugger-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="debugger-title" className="text-base font-semibold text-gray-900">
        Signature debugger
      </h2>
      <div className="mt-3 space-y-3">
        <SignedString label="Signed for Signature (hex HMAC-SHA256, token as the key): the body bytes" value={sentBody} />
        {timestamp ? (
          <SignedString
            label={`Signed for webhook-signature (Standard Webhooks): id.timestamp.body, latest attempt's timestamp ${timestamp}`}
            value={`${deliveryId}.${timestamp}.${sentBody}`}
          />
        ) : (
          <p className="text-xs text-gray-500">webhook-signature signs id.timestamp.body; the timestamp is set when an attempt is made.</p>
        )}
        {twentyTimestamp ? (
          <SignedString
            label={`Signed for X-Twenty-Webhook-Signature (hex HMAC-SHA256, token as the key): timestamp:body, latest attempt's X-Twenty-Webhook-Timestamp ${twentyTimestamp}`}
            value={`${twentyTimestamp}:${sentBody}`}
          />
        ) : null}
      </div>
      <p className="mt-4 text-sm text-gray-600">
        Paste the secret your receiver uses and the signature it computed (the Signature, webhook-signature or X-Twenty-Webhook-Signature value; for Twenty's,
        also the timestamp it signed with).
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-3">
        <label className="block text-sm font-medium text-gray-900">
          Secret
          <input className={FIELD} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label className="block text-sm font-medium text-gray-900">
          Signature your receiver computed
          <input className={FIELD} value={signature} onChange={(e) => setSignature(e.target.value)} spellCheck={false} />
        </label>
        <label className="block text-sm font-medium text-gray-900">
          X-Twenty-Webhook-Timestamp (only for a Twenty signature)
          <input className={FIELD} value={twentyTs} onChange={(e) => setTwentyTs(e.target.value)} inputMode="numeric" spellCheck={false} />
        </label>
        <label className="block text-sm font-medium text-gray-900">
          Body your receiver signed (optional, when it is not the raw request)
          <textarea className={`${FIELD} h-20`} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />
        </label>
        <Button type="submit" variant="secondary" disabled={check.isPending || !secret || !signature}>
          {check.isPending ? "Checking…" : "Check"}
        </Button>
      </form>
      {check.error ? (
        <div className="mt-3">
          <ErrorAlert>{check.error.message}</ErrorAlert>
        </div>
      ) : null}
      {result ? (
        <div
          ref={verdictRef}
          role="status"
          data-testid="signature-verdict"
          className={`mt-4 rounded-md border px-3 py-2 text-sm ${result.verdict === "match" ? "border-green-200 bg-green-50 text-green-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        >
          <p className="font-medium">
            {result.scheme}: {result.verdict === "match" ? "match" : result.verdict.replace("_", " ")}
          </p>
          <p className="mt-0.5">{result.explanation}</p>
          {result.normalized.length > 0 ? (
            <ul className="mt-1.5 list-disc space-y-0.5 pl-5 text-xs" data-testid="signature-normalized">
              {result.normalized.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2 text-xs font-semibold">The exact string that is signed</p>
          <CodeBlock className="mt-1 max-h-32 overflow-auto rounded bg-white/70 p-2 font-mono text-xs break-all whitespace-pre-wrap">
            {result.signedString}
          </CodeBlock>
          <p className="mt-2 text-xs font-semibold">What your secret gives over it</p>
          <CodeBlock className="mt-1 overflow-auto rounded bg-white/70 p-2 font-mono text-xs break-all whitespace-pre-wrap">
            {result.expectedWithYourSecret}
          </CodeBlock>
        </div>
      ) : null}
    </section>
  );
}
