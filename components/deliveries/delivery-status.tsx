import type { TDelivery } from "@/lib/validation/delivery";
import { errorClassLabel } from "@/lib/validation/error-class";

const TONE: Record<TDelivery["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  in_flight: "bg-sky-50 text-sky-800 ring-sky-200",
  succeeded: "bg-green-50 text-green-800 ring-green-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};
const LABEL: Record<TDelivery["status"], string> = { pending: "Pending", in_flight: "In flight", succeeded: "Succeeded", failed: "Failed" };

const PARKED_TONE = "bg-gray-100 text-gray-700 ring-gray-300";

type TStatusFields = Pick<TDelivery, "status" | "isParked" | "attemptCount" | "lastStatusCode" | "lastErrorClass" | "nextAttemptAt" | "maxAttempts">;

/** Pending after a failed attempt: it will be tried again. */
const isRetrying = (d: Pick<TDelivery, "status" | "isParked" | "attemptCount">) => d.status === "pending" && !d.isParked && d.attemptCount > 0;

/** How the last attempt went, in words: "HTTP 500", "Timed out". Null before the first. */
export function lastAttemptText(d: Pick<TDelivery, "lastStatusCode" | "lastErrorClass">): string | null {
  if (d.lastErrorClass && d.lastErrorClass !== "http_status") return errorClassLabel(d.lastErrorClass);
  return d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null;
}

/**
 * A retrying delivery's whole story in one line: "Retrying · last attempt HTTP 500 · next at 14:05 ·
 * final retry". Null when it is not retrying (pending for the first time, in flight, settled, parked).
 */
export function retryText(d: TStatusFields): string | null {
  if (!isRetrying(d)) return null;
  const last = lastAttemptText(d);
  const parts = ["Retrying"];
  if (last) parts.push(`last attempt ${last}`);
  if (d.nextAttemptAt) parts.push(`next at ${new Date(d.nextAttemptAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}`);
  if (d.attemptCount + 1 >= d.maxAttempts) parts.push("final retry");
  else parts.push(`attempt ${d.attemptCount + 1} of ${d.maxAttempts}`);
  return parts.join(" · ");
}

/**
 * The delivery's state; a pending one whose webhook is disabled says "Parked", as it will not be
 * tried until then, and one whose last attempt failed says "Retrying", never just "Pending".
 */
export function DeliveryStatus({ delivery }: { delivery: Pick<TDelivery, "status" | "isParked" | "attemptCount"> }) {
  const [tone, label] = delivery.isParked
    ? [PARKED_TONE, "Parked"]
    : isRetrying(delivery)
      ? [TONE.pending, "Retrying"]
      : [TONE[delivery.status], LABEL[delivery.status]];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}>{label}</span>;
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Compact, for table cells. */
export const formatShortTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
