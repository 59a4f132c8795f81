"use client";

import { useState } from "react";
import { CodeBlock } from "@/components/ui/code-block";
import { useEventType } from "@/lib/queries/use-event-type";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** What an event looks like before the first one happens: its description, its example data and, on demand, its JSON Schema. */
export function EventTypePreview({ name, onClose }: { name: string; onClose: () => void }) {
  const query = useEventType(name);
  const [isSchemaShown, setIsSchemaShown] = useState(false);
  const type = query.data;
  return (
    <section aria-label={`Example of ${name}`} className="border-b border-gray-200 bg-gray-50 px-3 py-3" data-testid="event-preview">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-xs font-semibold break-all text-gray-900">{name}</p>
          {type ? <p className="text-xs text-gray-600">{type.description}</p> : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          className="shrink-0 rounded px-1.5 text-sm text-gray-500 hover:bg-gray-200 hover:text-gray-900"
          aria-label="Close the example"
        >
          ×
        </button>
      </div>
      {query.isPending ? <p className="mt-2 text-xs text-gray-500">Loading…</p> : null}
      {query.isError ? <p className="mt-2 text-xs text-red-600">Could not load it: {query.error.message}</p> : null}
      {type ? (
        <>
          <p className="mt-2 text-xs font-semibold text-gray-600">Example data (the envelope's data)</p>
          {type.example !== null ? (
            <CodeBlock className="mt-1 max-h-56 overflow-auto rounded bg-white p-2 font-mono text-xs ring-1 ring-gray-200" data-testid="event-example">
              {pretty(type.example)}
            </CodeBlock>
          ) : (
            <p className="mt-1 text-xs text-gray-500">No example registered for this type.</p>
          )}
          {type.schema !== null ? (
            <div className="mt-2">
              <button
                type="button"
                className="text-xs font-medium text-brand-700 hover:underline"
                onClick={() => setIsSchemaShown((v) => !v)}
                aria-expanded={isSchemaShown}
              >
                {isSchemaShown ? "Hide the JSON Schema" : "Show the JSON Schema"}
              </button>
              {isSchemaShown ? (
                <CodeBlock className="mt-1 max-h-56 overflow-auto rounded bg-white p-2 font-mono text-xs ring-1 ring-gray-200" data-testid="event-schema">
                  {pretty(type.schema)}
                </CodeBlock>
              ) : null}
            </div>
          ) : (
            <p className="mt-2 text-xs text-gray-500">No JSON Schema registered for this type.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
