import type { TDelivery } from "@/lib/validation/delivery";

const TONE: Record<TDelivery["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  in_flight: "bg-sky-50 text-sky-800 ring-sky-200",
  succeeded: "bg-green-50 text-green-800 ring-green-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};
const LABEL: Record<TDelivery["status"], string> = { pending: "Pending", in_flight: "In flight", succeeded: "Succeeded", failed: "Failed" };

const PARKED_TONE = "bg-gray-100 text-gray-700 ring-gray-300";

/** The delivery's state; a pending one whose webhook is disabled says "Parked", as it will not be tried until then. */
export function DeliveryStatus({ delivery }: { delivery: Pick<TDelivery, "status" | "isParked"> }) {
  const [tone, label] = delivery.isParked ? [PARKED_TONE, "Parked"] : [TONE[delivery.status], LABEL[delivery.status]];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}>{label}</span>;
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Compact, for table cells. */
export const formatShortTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
