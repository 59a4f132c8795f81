"use client";

import { useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { SNIPPETS } from "@/lib/snippets/verification-snippets";
import type { TSignatureFamily } from "@/lib/validation/signature-family";

// The hex-signature headers a snippet checks; Standard Webhooks receivers use its libraries instead.
const HEADERS = [
  { family: "teamwork", header: "Signature", field: "code" },
  { family: "twenty", header: "X-Twenty-Webhook-Signature", field: "twenty" },
] as const;

const tabClass = (isActive: boolean) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-gray-600 hover:bg-gray-100"}`;

/** How a receiver checks this webhook's signatures, in four languages (each one run by the tests). */
export function VerificationSnippets({ families }: { families: readonly TSignatureFamily[] }) {
  const [active, setActive] = useState(0);
  const headers = HEADERS.filter((h) => families.includes(h.family));
  const [chosenHeader, setHeader] = useState<string>(headers[0]?.header ?? "");
  const header = headers.find((h) => h.header === chosenHeader) ?? headers[0];
  const snippet = SNIPPETS[active] ?? SNIPPETS[0];
  if (!snippet) return null;
  const code = header ? snippet[header.field] : "";
  return (
    <section aria-labelledby="snippets-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="snippets-title" className="text-base font-semibold text-gray-900">
        Verify deliveries in your receiver
      </h2>
      <p className="mt-1 text-sm text-gray-600">
        {families.includes("teamwork") ? (
          <>
            Compare the <code className="font-mono">Signature</code> header with the HMAC-SHA256 of the raw body, keyed by this webhook's token.{" "}
          </>
        ) : null}
        {families.includes("twenty") ? (
          <>
            Compare <code className="font-mono">X-Twenty-Webhook-Signature</code> with the HMAC-SHA256 of{" "}
            <code className="font-mono">&lt;X-Twenty-Webhook-Timestamp&gt;:&lt;raw body&gt;</code>, keyed by the token as shown (
            <code className="font-mono">whsec_</code> included), and refuse a timestamp more than 5 minutes old.{" "}
          </>
        ) : null}
        {families.includes("standard-webhooks") ? (
          <>
            For <code className="font-mono">webhook-signature</code>, use a Standard Webhooks library with the same token.
          </>
        ) : null}
      </p>
      {header ? (
        <>
          {headers.length > 1 ? (
            <div role="tablist" aria-label="Header" className="mt-4 flex flex-wrap gap-1">
              {headers.map((h) => (
                <button
                  key={h.header}
                  type="button"
                  role="tab"
                  aria-selected={h === header}
                  onClick={() => setHeader(h.header)}
                  className={tabClass(h === header)}
                >
                  <code className="font-mono">{h.header}</code>
                </button>
              ))}
            </div>
          ) : null}
          <div role="tablist" aria-label="Language" className={`${headers.length > 1 ? "mt-2" : "mt-4"} flex flex-wrap gap-1`}>
            {SNIPPETS.map((s, i) => (
              <button key={s.language} type="button" role="tab" aria-selected={i === active} onClick={() => setActive(i)} className={tabClass(i === active)}>
                {s.language}
              </button>
            ))}
          </div>
          {/* Copy sits above the code, not over it: on a phone an overlaid button hides the ends of lines. */}
          <div role="tabpanel" className="mt-2">
            <div className="mb-1.5 flex items-center justify-between gap-2">
              <span className="text-xs text-gray-500">
                {snippet.language} · {header.header}
              </span>
              <CopyButton value={code} />
            </div>
            <CodeBlock className="overflow-auto rounded-lg bg-code p-4 font-mono text-xs text-code-foreground">{code}</CodeBlock>
          </div>
        </>
      ) : null}
    </section>
  );
}
