"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { ApiClientError, fieldErrors } from "@/lib/client/api-client";
import { createWebhook, type TTestTarget, updateWebhook } from "@/lib/client/webhooks";
import { webhookKeys } from "@/lib/queries/keys";
import { useEventTypes, useProjects } from "@/lib/queries/use-catalog";
import { MAX_IN_FLIGHT_DEFAULT, type TWebhook, ZWebhookCreate, ZWebhookUpdate, ZWebhookUrl } from "@/lib/validation/webhook";
import { DeliveryLimitsFields, limitsPayload } from "./delivery-limits-fields";
import { EventsPicker } from "./events-picker";
import { ProjectsPicker } from "./projects-picker";
import { useWebhookTest } from "./test-button";
import { NewTokenField, SavedTokenField } from "./token-field";

type Props = { webhook?: TWebhook };
type Errors = Record<string, string>;

function initialState(w?: TWebhook) {
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
  };
}

/** Whether the typed URL is the saved one, compared as the server compares them (isSameWebhookUrl). */
function isSavedUrl(typed: string, saved: string): boolean {
  try {
    return new URL(typed.trim()).href === new URL(saved).href;
  } catch {
    return true; // not a URL yet: Test refuses it anyway, so no note about the password
  }
}

/** Create and edit share this form; it validates with the server's own Zod schemas before sending. */
export function WebhookForm({ webhook }: Props) {
  const isEdit = webhook !== undefined;
  const router = useRouter();
  const toast = useToast();
  const client = useQueryClient();
  const eventTypes = useEventTypes();
  const projects = useProjects();
  const [state, setState] = useState(() => initialState(webhook));
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<{ token: string } | null>(null);
  const set = <K extends keyof typeof state>(key: K, value: (typeof state)[K]) => setState((s) => ({ ...s, [key]: value }));

  const save = useMutation({
    mutationFn: async (payload: unknown): Promise<{ token?: string }> => {
      if (isEdit) {
        await updateWebhook(webhook.id, payload as never);
        return {};
      }
      return createWebhook(payload as never);
    },
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: webhookKeys.all });
      if (result.token) {
        setCreated({ token: result.token });
        toast.success("Webhook created. It starts disabled: enable it from the list.");
        return;
      }
      toast.success("Webhook saved");
      router.push("/settings/webhooks");
    },
    onError: (error) => {
      if (error instanceof ApiClientError && error.issues.length) setErrors(fieldErrors(error.issues));
      else setErrors({ form: error.message });
    },
  });

  function payload() {
    const projectIds = state.isAllProjects ? [] : state.projects;
    const common = {
      url: state.url,
      description: state.description,
      events: state.events,
      projects: projectIds,
      httpUser: state.httpUser || undefined,
      ...limitsPayload(state.maxInFlight, state.rateLimit),
    };
    if (!isEdit) return { ...common, token: state.token || undefined, httpPassword: state.httpPassword || undefined };
    return { ...common, httpUser: state.httpUser || null, ...(state.httpPassword ? { httpPassword: state.httpPassword } : {}) };
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = payload();
    const parsed = isEdit ? ZWebhookUpdate.safeParse(body) : ZWebhookCreate.safeParse(body);
    const next: Errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
    if (!state.isAllProjects && state.projects.length === 0) next.projects = "Pick at least one project, or All projects";
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate(body);
  }

  function testTarget(): TTestTarget | null {
    const url = ZWebhookUrl.safeParse(state.url);
    if (!url.success) {
      setErrors((e) => ({ ...e, url: url.error.issues[0]?.message ?? "Enter a URL" }));
      return null;
    }
    setErrors(({ url: _gone, ...rest }) => rest);
    // Editing: an emptied user field tests without basic auth, as saving would store it.
    const auth = { httpUser: isEdit ? state.httpUser : state.httpUser || undefined, httpPassword: state.httpPassword || undefined };
    return isEdit ? { id: webhook.id, url: url.data, ...auth } : { url: url.data, token: state.token || undefined, ...auth };
  }

  const test = useWebhookTest(testTarget, "Test URL");
  // The server sends the saved password only to the saved URL (lib/server/webhooks/test-webhook.ts);
  // the browser never has it, so testing an edited URL with it means typing it again.
  const isSavedPasswordWithheld = isEdit && webhook.hasHttpPassword && state.httpUser !== "" && !state.httpPassword && !isSavedUrl(state.url, webhook.url);

  if (created) {
    return (
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <h2 className="text-base font-semibold text-gray-900">Webhook created</h2>
        <p className="mt-1 text-sm text-gray-600">Give this signing token to the receiver. You can reveal it again from the webhook's edit page.</p>
        <div className="mt-4">
          <SecretReveal label="Signing token" value={created.token} />
        </div>
        <div className="mt-6 flex justify-end">
          <Link href="/settings/webhooks" className={buttonClass("primary")}>
            Done
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
      {errors.form ? <ErrorAlert>{errors.form}</ErrorAlert> : null}
      <section className="space-y-5">
        <TextField
          label="URL"
          name="url"
          type="url"
          placeholder="https://example.com/webhooks"
          value={state.url}
          onChange={(e) => set("url", e.target.value)}
          error={errors.url}
          autoFocus={!isEdit}
        />
        <TextField
          label="Description (optional)"
          name="description"
          value={state.description}
          onChange={(e) => set("description", e.target.value)}
          error={errors.description}
        />
        <div>
          {test.button}
          {isSavedPasswordWithheld ? (
            <p className="mt-1.5 text-sm text-gray-600" data-testid="test-password-note">
              The saved HTTP password is only sent to the saved URL: type it again below to test this URL with it, or it is cleared when you save the new URL.
            </p>
          ) : null}
          {test.outcome}
        </div>
      </section>

      <section>
        {eventTypes.data ? (
          <EventsPicker eventTypes={eventTypes.data} value={state.events} onChange={(v) => set("events", v)} error={errors.events} />
        ) : (
          <p className="text-sm text-gray-500">{eventTypes.error ? `Could not load events: ${eventTypes.error.message}` : "Loading events…"}</p>
        )}
      </section>

      <section>
        <ProjectsPicker
          projects={projects.data ?? []}
          isAll={state.isAllProjects}
          value={state.projects}
          onChange={(isAll, ids) => setState((s) => ({ ...s, isAllProjects: isAll, projects: ids }))}
          error={errors.projects}
        />
      </section>

      <section className="space-y-5">
        {isEdit ? <SavedTokenField webhookId={webhook.id} /> : <NewTokenField value={state.token} onChange={(v) => set("token", v)} error={errors.token} />}
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="HTTP user (optional)"
            name="httpUser"
            autoComplete="off"
            value={state.httpUser}
            onChange={(e) => set("httpUser", e.target.value)}
            error={errors.httpUser}
          />
          <TextField
            label="HTTP password (optional)"
            name="httpPassword"
            type="password"
            autoComplete="new-password"
            placeholder={webhook?.hasHttpPassword ? "Unchanged (set; type to replace)" : ""}
            value={state.httpPassword}
            onChange={(e) => set("httpPassword", e.target.value)}
            error={errors.httpPassword}
          />
        </div>
      </section>

      <section>
        <DeliveryLimitsFields maxInFlight={state.maxInFlight} rateLimit={state.rateLimit} onChange={(field, value) => set(field, value)} errors={errors} />
      </section>

      <div className="flex flex-col-reverse gap-2 border-t border-gray-200 pt-5 sm:flex-row sm:justify-end">
        <Link href="/settings/webhooks" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : isEdit ? "Save changes" : "Create webhook"}
        </Button>
      </div>
    </form>
  );
}
