// <input type="datetime-local"> has no zone. URLs and the API keep ISO instants, so a shared link
// means the same moment everywhere; these convert between the two in the viewer's zone, using the
// offset of the date itself (not today's: a date across a daylight-saving change differs by an hour).

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-29T01:30:00.000Z" → "2026-03-29T03:30" in Europe/Berlin (summer time that day). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The input's local wall time → an ISO instant (undefined when empty or unreadable). */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value); // a date-time without a zone is read as local time
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
