"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { deliveryIdCandidates } from "@/lib/client/delivery-id-candidates";
import { type TFound, useFindById } from "@/lib/queries/use-find-by-id";

/**
 * Takes a Delivery UUID or an event id, whole or inside a pasted log line, and opens that delivery
 * or event. With several UUIDs in the line, the one labelled Delivery / webhook-id is tried first,
 * then each in turn as a delivery, then each as an event.
 */
export function DeliverySearch() {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const find = useFindById();
  const open = (found: TFound, candidates: string[]) => {
    if (found) return router.push(found.kind === "delivery" ? `/settings/webhooks/deliveries/${found.id}` : `/settings/webhooks/events/${found.id}`);
    setError(
      `No delivery or event with ${candidates.length === 1 ? `the id ${candidates[0]}` : `any of these ${candidates.length} ids`}: it may be older than the retention period, or from another Hookline.`,
    );
  };
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const candidates = deliveryIdCandidates(value);
    if (candidates.length === 0) return setError("No UUID in what you entered (a Delivery or event id looks like 0b7c…-…-…-…-…).");
    setError(null);
    find.mutate(candidates, { onSuccess: (found) => open(found, candidates), onError: (e) => setError(e.message) });
  }
  return (
    <search>
      <form onSubmit={onSubmit}>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="delivery-search" className="sr-only">
            Find a delivery by its UUID, or an event by its id
          </label>
          <input
            id="delivery-search"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="Paste a Delivery UUID or event id (or a log line that holds one)"
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
