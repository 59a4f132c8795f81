import type { TOverview } from "../validation/overview";
import { apiFetch } from "./api-client";

// Browser fetcher for Settings → Overview (naming: see webhooks-api.ts).

export const fetchOverview = (signal?: AbortSignal) => apiFetch<{ data: TOverview }>("/overview", { signal }).then((r) => r.data);
