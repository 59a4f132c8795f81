import type { ReactNode } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { errorClassLabel } from "@/lib/validation/error-class";
import type { TTestResult } from "@/lib/validation/webhook";

/**
 * The Test button's answer: which URL, status, time, and the first bytes of the response or the
 * error class. `label` names what was sent ("Example of deals.created"; by default the test ping).
 */
export function TestResult({ result, url, label = "Test", children }: { result: TTestResult; url?: string; label?: string; children?: ReactNode }) {
  const tone = result.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900";
  return (
    <div role="status" className={`mt-3 rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="test-result">
      <p className="font-medium">
        {result.ok ? `${label} delivered` : `${label} failed: ${result.errorClass ? errorClassLabel(result.errorClass) : "error"}`}
        {result.status !== undefined ? ` · HTTP ${result.status}` : ""} · {result.durationMs} ms
      </p>
      {url ? (
        <p className="mt-0.5 break-all opacity-80" data-testid="tested-url">
          {label === "Test" ? "Tested" : "Sent to"} {url}
        </p>
      ) : null}
      {result.errorMessage && result.errorClass !== "http_status" ? <p className="mt-0.5 break-words">{result.errorMessage}</p> : null}
      {result.responseSnippet ? (
        <CodeBlock className="mt-1.5 max-h-24 overflow-auto rounded bg-white/70 px-2 py-1 font-mono text-xs whitespace-pre-wrap break-all text-gray-800">
          {result.responseSnippet}
        </CodeBlock>
      ) : null}
      {children}
    </div>
  );
}
