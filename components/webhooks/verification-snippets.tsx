"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { SNIPPETS } from "@/lib/snippets/verification-snippets";

/** How a receiver checks the Signature header, in four languages (each one run by the tests). */
export function VerificationSnippets() {
  const [active, setActive] = useState(0);
  const snippet = SNIPPETS[active] ?? SNIPPETS[0];
  if (!snippet) return null;
  return (
    <section aria-labelledby="snippets-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="snippets-title" className="text-base font-semibold text-gray-900">
        Verify deliveries in your receiver
      </h2>
      <p className="mt-1 text-sm text-gray-600">
        Compare the <code className="font-mono">Signature</code> header with the HMAC-SHA256 of the raw body, keyed by this webhook's token. For{" "}
        <code className="font-mono">webhook-signature</code>, use a Standard Webhooks library with the same token.
      </p>
      <div role="tablist" aria-label="Language" className="mt-4 flex flex-wrap gap-1">
        {SNIPPETS.map((s, i) => (
          <button
            key={s.language}
            type="button"
            role="tab"
            aria-selected={i === active}
            onClick={() => setActive(i)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${i === active ? "bg-brand-50 text-brand-700" : "text-gray-600 hover:bg-gray-100"}`}
          >
            {s.language}
          </button>
        ))}
      </div>
      {/* Copy sits above the code, not over it: on a phone an overlaid button hides the ends of lines. */}
      <div role="tabpanel" className="mt-2">
        <div className="mb-1.5 flex items-center justify-between gap-2">
          <span className="text-xs text-gray-500">{snippet.language}</span>
          <CopyButton value={snippet.code} />
        </div>
        <pre className="overflow-auto rounded-lg bg-gray-900 p-4 font-mono text-xs text-gray-100">{snippet.code}</pre>
      </div>
    </section>
  );
}
