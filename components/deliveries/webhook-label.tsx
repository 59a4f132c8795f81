"use client";

import { useId } from "react";

const TAIL = 34;

/**
 * How a webhook is told apart in a narrow cell: its description, else the end of its URL (webhooks
 * on one host differ at the end, which plain truncation cuts off).
 */
export function webhookLabel(webhook: { url: string; description: string }): string {
  if (webhook.description) return webhook.description;
  return webhook.url.length <= TAIL ? webhook.url : `…${webhook.url.slice(-(TAIL - 1))}`;
}

type Props = { webhook: { id: string; url: string; description: string } | undefined; webhookId: string; onFilter: () => void };

/**
 * The log's Webhook cell: a button that filters the log to this webhook, the full URL shown on hover
 * and focus (display:none otherwise: a hidden-but-laid-out tip would widen a phone's table).
 */
export function WebhookCell({ webhook, webhookId, onFilter }: Props) {
  const tipId = useId();
  const url = webhook?.url ?? webhookId;
  return (
    // min-w-0: in a phone's stacked card the cell is a flex row, and a long description must shrink
    // to an ellipsis rather than push the card wider than the screen.
    <span className="group relative inline-block min-w-0 max-w-full">
      <button
        type="button"
        onClick={onFilter}
        aria-describedby={tipId}
        className="block max-w-full truncate rounded text-left text-xs text-gray-700 underline decoration-gray-300 underline-offset-2 hover:text-brand-700 hover:decoration-brand-400"
      >
        {webhook ? webhookLabel(webhook) : webhookId.slice(0, 8)}
      </button>
      <span
        id={tipId}
        role="tooltip"
        className="absolute top-full left-0 z-20 mt-1 hidden w-max max-w-[min(20rem,calc(100vw-9rem))] rounded bg-gray-900 px-2 py-1 font-mono text-xs break-all text-white shadow group-focus-within:block group-hover:block"
      >
        {url} · select to show only its deliveries
      </span>
    </span>
  );
}
