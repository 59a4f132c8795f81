import type { TEventType, TProject } from "../validation/catalog";
import { apiFetch } from "./api-client";

// Browser fetchers for the catalog (naming: see webhooks-api.ts).

export const fetchEventTypes = (signal?: AbortSignal) => apiFetch<{ data: TEventType[] }>("/event-types", { signal }).then((r) => r.data);
export const fetchProjects = (signal?: AbortSignal) => apiFetch<{ data: TProject[] }>("/projects", { signal }).then((r) => r.data);
