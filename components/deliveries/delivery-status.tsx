import type { TDelivery } from "@/lib/validation/delivery";

const TONE: Record<TDelivery["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  in_flight: "bg-sky-50 text-sky-800 ring-sky-200",
  succeeded: "bg-green-50 text-green-800 ring-green-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};
const LABEL: Record<TDelivery["status"], string> = { pending: "Pending", in_flight: "In flight", succeeded: "Succeeded", failed: "Failed" };

export function DeliveryStatus({ status }: { status: TDelivery["status"] }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status]}`}>{LABEL[status]}</span>;
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Compact, for table cells. */
export const formatShortTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
