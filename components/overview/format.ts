// The overview's numbers in words (browser-safe, pure: tested in tests/components/overview/format.test.ts).

/** A latency or wait: "85 ms", "1.2 s", "4 min", "2 h", "1 d"; an em dash when unknown. */
export function durationText(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 86_400_000)} d`;
}

/** A share, to one decimal unless whole: "99.2%", "100%"; an em dash when nothing finished. */
export function rateText(rate: number | null): string {
  if (rate === null) return "—";
  const pct = rate * 100;
  return `${Number.isInteger(pct) ? pct : Math.floor(pct * 10) / 10}%`;
}

/** The window's start in the viewer's zone: "since 14:00 yesterday" / "since 09:00 today". */
export function sinceText(sinceIso: string, now = new Date()): string {
  const since = new Date(sinceIso);
  const time = since.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return `since ${time} ${since.toDateString() === now.toDateString() ? "today" : "yesterday"}`;
}
