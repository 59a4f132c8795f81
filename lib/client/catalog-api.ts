import type { TEventType, TEventTypeCreate, TEventTypeDetail } from "../validation/event-type";
import type { TProject } from "../validation/project";
import { apiFetch } from "./api-client";

// Browser fetchers for the catalog (naming: see webhooks-api.ts).

export const fetchEventTypes = (signal?: AbortSignal) => apiFetch<{ data: TEventType[] }>("/event-types", { signal }).then((r) => r.data);
export const fetchEventType = (name: string, signal?: AbortSignal) => apiFetch<TEventTypeDetail>(`/event-types/${encodeURIComponent(name)}`, { signal });
export const fetchProjects = (signal?: AbortSignal) => apiFetch<{ data: TProject[] }>("/projects", { signal }).then((r) => r.data);
export const postEventType = (body: TEventTypeCreate) => apiFetch<TEventType>("/event-types", { method: "POST", body });
export const postProject = (body: { id: string; name?: string }) => apiFetch<TProject>("/projects", { method: "POST", body });
export const patchProject = (id: string, name: string) => apiFetch<TProject>(`/projects/${encodeURIComponent(id)}`, { method: "PATCH", body: { name } });
