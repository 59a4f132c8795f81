import type { TTestTarget } from "@/lib/client/webhooks-api";
import { SIGNATURE_FAMILIES, type TSignatureFamily, ZSignatureFamilies } from "@/lib/validation/signature-family";
import { MAX_IN_FLIGHT_DEFAULT, type TWebhook, type TWebhookCreate, type TWebhookUpdate, ZWebhookUrl } from "@/lib/validation/webhook";
import { headerRowsOf, headersPayload, type THeaderRow } from "./custom-headers-fields";
import { limitsPayload } from "./delivery-limits-fields";
import { filterPayload, filterTextOf } from "./payload-filter-field";

// The webhook form's fields as typed, and the request bodies built from them (pure, no React).

export type TWebhookFormState = {
  url: string;
  description: string;
  events: string[];
  isAllProjects: boolean;
  projects: string[];
  token: string;
  httpUser: string;
  httpPassword: string;
  maxInFlight: string;
  rateLimit: string;
  signatureFamilies: TSignatureFamily[];
  autoRecover: boolean;
  headers: THeaderRow[];
  /** The payload filter as typed (JSON); empty: none. */
  filter: string;
  ordered: boolean;
  /** Empty: the whole webhook is one sequence. */
  orderingKey: string;
};
/** Field errors keyed by field name; "form" holds an error that belongs to no field. */
export type TFormErrors = Record<string, string>;

export function initialFormState(w?: TWebhook): TWebhookFormState {
  return {
    url: w?.url ?? "",
    description: w?.description ?? "",
    events: w?.events ?? [],
    isAllProjects: (w?.projects.length ?? 0) === 0,
    projects: w?.projects ?? [],
    token: "",
    httpUser: w?.httpUser ?? "",
    httpPassword: "",
    maxInFlight: String(w?.maxInFlight ?? MAX_IN_FLIGHT_DEFAULT),
    rateLimit: w?.rateLimitPerSecond ? String(w.rateLimitPerSecond) : "",
    signatureFamilies: w?.signatureFamilies ?? [...SIGNATURE_FAMILIES],
    autoRecover: w?.autoRecover ?? false,
    headers: headerRowsOf(w?.headers),
    filter: filterTextOf(w?.filter),
    ordered: w?.ordered ?? false,
    orderingKey: w?.orderingKey ?? "",
  };
}

function commonBody(state: TWebhookFormState) {
  return {
    url: state.url,
    description: state.description,
    events: state.events,
    projects: state.isAllProjects ? [] : state.projects,
    ...limitsPayload(state.maxInFlight, state.rateLimit),
    signatureFamilies: state.signatureFamilies,
    autoRecover: state.autoRecover,
    headers: headersPayload(state.headers),
    filter: filterPayload(state.filter) as TWebhookCreate["filter"],
    ordered: state.ordered,
    orderingKey: state.ordered && state.orderingKey.trim() !== "" ? state.orderingKey : null,
  };
}

/** POST body: empty optional fields are left out (the server then generates the token). */
export function createBody(state: TWebhookFormState): TWebhookCreate {
  return {
    ...commonBody(state),
    httpUser: state.httpUser || undefined,
    token: state.token || undefined,
    httpPassword: state.httpPassword || undefined,
  };
}

/** PATCH body: an emptied user is null (clears basic auth); an empty password keeps the saved one. */
export function updateBody(state: TWebhookFormState): TWebhookUpdate {
  return { ...commonBody(state), httpUser: state.httpUser || null, ...(state.httpPassword ? { httpPassword: state.httpPassword } : {}) };
}

/** The one rule the schemas cannot see: "All projects" off means at least one project is picked. */
export function withProjectsRule(errors: TFormErrors, state: TWebhookFormState): TFormErrors {
  if (state.isAllProjects || state.projects.length > 0) return errors;
  return { ...errors, projects: "Pick at least one project, or All projects" };
}

/** What Test sends for the fields as typed, or which field stops it and why. */
export function testTargetOf(
  state: TWebhookFormState,
  webhook?: TWebhook,
): { target: TTestTarget } | { urlError: string } | { signatureFamiliesError: string } {
  const url = ZWebhookUrl.safeParse(state.url);
  if (!url.success) return { urlError: url.error.issues[0]?.message ?? "Enter a URL" };
  const families = ZSignatureFamilies.safeParse(state.signatureFamilies);
  if (!families.success) return { signatureFamiliesError: families.error.issues[0]?.message ?? "Pick at least one signature family" };
  const httpPassword = state.httpPassword || undefined;
  const signatureFamilies = families.data;
  // Editing: an emptied user field tests without basic auth, as saving would store it.
  if (webhook) return { target: { id: webhook.id, url: url.data, httpUser: state.httpUser, httpPassword, signatureFamilies } };
  return { target: { url: url.data, token: state.token || undefined, httpUser: state.httpUser || undefined, httpPassword, signatureFamilies } };
}

/** Whether the typed URL is the saved one, compared as the server compares them (isSameWebhookUrl). */
export function isSavedUrl(typed: string, saved: string): boolean {
  try {
    return new URL(typed.trim()).href === new URL(saved).href;
  } catch {
    return true; // not a URL yet: Test refuses it anyway, so no note about the password
  }
}
