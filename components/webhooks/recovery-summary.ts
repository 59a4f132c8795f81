import type { TWebhook } from "@/lib/validation/webhook";

// Automatic recovery's progress in words, for the webhook's page (pure, browser-safe).

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * "Off"; "On: probes start if Hookline disables it"; "Next probe Dec 7, 14:05 · last Dec 7, 13:59: the
 * URL answered HTTP 503 (2 probes so far)"; "Given up after 16 probes: enable it yourself".
 */
export function recoveryText(w: Pick<TWebhook, "autoRecover" | "enabled" | "recovery">): string {
  const r = w.recovery;
  const last = r.lastProbeAt ? `last ${time(r.lastProbeAt)}: ${r.lastProbeResult ?? "?"} (${r.probes} ${r.probes === 1 ? "probe" : "probes"} so far)` : null;
  if (!w.autoRecover) return "Off";
  if (w.enabled)
    return r.lastProbeResult === "passed" && r.lastProbeAt
      ? `On · recovered ${time(r.lastProbeAt)} after ${r.probes} probes`
      : "On: probes start if Hookline disables it";
  if (r.nextProbeAt) return [`Next probe ${time(r.nextProbeAt)}`, last].filter(Boolean).join(" · ");
  return r.probes > 0 ? `Stopped after ${r.probes} ${r.probes === 1 ? "probe" : "probes"}: enable it yourself` : "On: probes start if Hookline disables it";
}
