import type { TEventDetail } from "../validation/event";
import { apiFetch } from "./api-client";

// Browser fetchers for events (naming: see webhooks-api.ts). Publishing is the host's, over the API.

export const fetchEvent = (id: string, signal?: AbortSignal) => apiFetch<TEventDetail>(`/events/${id}`, { signal });
