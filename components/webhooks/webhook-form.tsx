"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { TextField } from "@/components/ui/text-field";
import { useEventTypes } from "@/lib/queries/use-event-types";
import { useProjects } from "@/lib/queries/use-projects";
import type { TWebhook } from "@/lib/validation/webhook";
import { CreatedWebhook } from "./created-webhook";
import { CustomHeadersFields } from "./custom-headers-fields";
import { DeliveryLimitsFields } from "./delivery-limits-fields";
import { EventsPicker } from "./events-picker";
import { OrderedDeliveryFields } from "./ordered-delivery-fields";
import { PayloadFilterField } from "./payload-filter-field";
import { ProjectsPicker } from "./projects-picker";
import { SignatureFamiliesFields } from "./signature-families-fields";
import { TestButton, TestOutcome } from "./test-button";
import { NewTokenField, SavedTokenField } from "./token-field";
import { useWebhookForm } from "./use-webhook-form";

type Props = { webhook?: TWebhook };

/** Create and edit share this form; its state, checks and saving live in useWebhookForm. */
export function WebhookForm({ webhook }: Props) {
  const isEdit = webhook !== undefined;
  const eventTypes = useEventTypes();
  const projects = useProjects();
  const { state, set, setProjects, errors, created, isSaving, submit, saveDisabled, test, testTarget, isSavedPasswordWithheld } = useWebhookForm(webhook);
  const formRef = useRef<HTMLFormElement>(null);
  const createdRef = useRef<HTMLHeadingElement>(null);
  // Every check that finds problems sets a new errors object: focus goes to the first one.
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstInvalid(formRef.current);
  }, [errors]);
  // The form is replaced by the token panel: focus goes to its heading, not to the page's start.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  if (created) return <CreatedWebhook created={created} formTest={test} headingRef={createdRef} />;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-8 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 sm:p-6">
      {errors.form ? (
        <ErrorAlert>
          {errors.form}
          {saveDisabled ? (
            <span className="mt-2 flex flex-wrap items-center gap-2">
              The webhook still delivers to its saved URL.
              <Button variant="secondary" disabled={isSaving} onClick={saveDisabled}>
                Save it disabled
              </Button>
            </span>
          ) : null}
        </ErrorAlert>
      ) : null}
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
          <TestButton test={test} getTarget={testTarget} label="Test URL" />
          {isSavedPasswordWithheld ? (
            <p className="mt-1.5 text-sm text-gray-600" data-testid="test-password-note">
              The saved HTTP password is only sent to the saved URL: type it again below to test this URL with it, or it is cleared when you save the new URL.
            </p>
          ) : null}
          <TestOutcome test={test} />
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
        <PayloadFilterField
          value={state.filter}
          onChange={(text) => set("filter", text)}
          error={errors.filter}
          eventTypes={eventTypes.data ?? []}
          events={state.events}
        />
      </section>

      <section>
        <ProjectsPicker projects={projects.data ?? []} isAll={state.isAllProjects} value={state.projects} onChange={setProjects} error={errors.projects} />
      </section>

      <section className="space-y-5">
        {isEdit ? <SavedTokenField webhookId={webhook.id} /> : <NewTokenField value={state.token} onChange={(v) => set("token", v)} error={errors.token} />}
        <SignatureFamiliesFields value={state.signatureFamilies} onChange={(v) => set("signatureFamilies", v)} error={errors.signatureFamilies} />
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
        <CustomHeadersFields rows={state.headers} onChange={(rows) => set("headers", rows)} error={errors.headers} />
      </section>

      <section>
        <DeliveryLimitsFields maxInFlight={state.maxInFlight} rateLimit={state.rateLimit} onChange={(field, value) => set(field, value)} errors={errors} />
      </section>

      <section>
        <OrderedDeliveryFields
          isOrdered={state.ordered}
          orderingKey={state.orderingKey}
          onChange={(patch) => {
            if (patch.ordered !== undefined) set("ordered", patch.ordered);
            if (patch.orderingKey !== undefined) set("orderingKey", patch.orderingKey);
          }}
          error={errors.orderingKey}
        />
      </section>

      <section>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="autoRecover"
            className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
            checked={state.autoRecover}
            onChange={(e) => set("autoRecover", e.target.checked)}
          />
          <span>
            <span className="block text-sm font-medium text-gray-900">Try to recover automatically</span>
            <span className="block text-sm text-gray-600">
              When Hookline disables this webhook, it sends a signed ping after 1 min, 5 min, 30 min and 2 h, then every 6 h for 3 days, and enables it again
              when one passes (its parked deliveries then go out). Disabling it yourself stops the probes.
            </span>
          </span>
        </label>
      </section>

      <div className="flex flex-col-reverse gap-2 border-t border-gray-200 pt-5 sm:flex-row sm:justify-end">
        <Link href="/settings/webhooks" className={buttonClass("secondary")}>
          Cancel
        </Link>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : isEdit ? "Save changes" : "Create webhook"}
        </Button>
      </div>
    </form>
  );
}
