"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { deliveryIdCandidates } from "@/lib/client/delivery-id-candidates";
import { useFindDelivery } from "@/lib/queries/use-find-delivery";

/**
 * Takes a Delivery UUID, whole or inside a pasted log line, and opens that delivery. With several
 * UUIDs in the line, the one labelled Delivery / webhook-id is tried first, then each in turn.
 */
export function DeliverySearch() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const find = useFindDelivery();
  const open = (id: string | undefined) => router.push(`/settings/webhooks/deliveries/${id}`);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const candidates = deliveryIdCandidates(value);
    if (candidates.length === 0) return setError("No delivery UUID in what you entered (it looks like 0b7c…-…-…-…-…).");
    setError(null);
    // One UUID is opened as it is; of several, the first that names a delivery.
    if (candidates.length === 1) return open(candidates[0]);
    find.mutate(candidates, { onSuccess: open });
  }
  return (
    <search>
      <form onSubmit={onSubmit}>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="delivery-search" className="sr-only">
            Find a delivery by its UUID
          </label>
          <input
            id="delivery-search"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="Paste a Delivery UUID (or a log line that holds one)"
            className="w-full rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "delivery-search-error" : undefined}
          />
          <Button type="submit" variant="secondary" disabled={find.isPending}>
            {find.isPending ? "Looking…" : "Open"}
          </Button>
        </div>
        {error ? (
          <p id="delivery-search-error" className="mt-1.5 text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </form>
    </search>
  );
}
