"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { useToast } from "@/components/ui/toast";
import { useConfirmLeave } from "@/components/ui/use-confirm-leave";
import { ApiClientError, fieldErrors } from "@/lib/client/api-client";
import type { TTestTarget } from "@/lib/client/webhooks-api";
import { useCreateWebhook } from "@/lib/queries/use-create-webhook";
import { useTestWebhook } from "@/lib/queries/use-test-webhook";
import { useUpdateWebhook } from "@/lib/queries/use-update-webhook";
import { type TWebhook, ZWebhookCreate, ZWebhookUpdate } from "@/lib/validation/webhook";
import {
  createBody,
  initialFormState,
  isSavedUrl,
  type TFormErrors,
  type TWebhookFormState,
  testTargetOf,
  updateBody,
  withProjectsRule,
} from "./webhook-form-state";

// A test result belongs to what it tested: the URL, the token and signatures, the basic-auth pair.
const TESTED_FIELDS = new Set<keyof TWebhookFormState>(["url", "token", "httpUser", "httpPassword", "signatureFamilies"]);

/**
 * The webhook form's state, checks and saving (create when `webhook` is undefined, edit otherwise).
 * It checks with the server's own Zod schemas before sending, and shows the server's field issues too.
 */
export function useWebhookForm(webhook?: TWebhook) {
  const router = useRouter();
  const toast = useToast();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const test = useTestWebhook();
  const [initial] = useState(() => initialFormState(webhook));
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<TFormErrors>({});
  const [created, setCreated] = useState<{ id: string; url: string; token: string } | null>(null);
  // The server refused a new URL for an enabled webhook because its test failed: saving it disabled is offered.
  const [isUrlTestRefused, setUrlTestRefused] = useState(false);
  const [isSaved, setSaved] = useState(false);
  // Leaving with unsaved edits asks first; once saved (or created), nothing is left to lose.
  useConfirmLeave(!created && !isSaved && JSON.stringify(state) !== JSON.stringify(initial));

  const set = <K extends keyof TWebhookFormState>(key: K, value: TWebhookFormState[K]) => {
    if (TESTED_FIELDS.has(key) && state[key] !== value) test.reset();
    setState((s) => ({ ...s, [key]: value }));
  };
  const setProjects = (isAll: boolean, ids: string[]) => setState((s) => ({ ...s, isAllProjects: isAll, projects: ids }));

  const onError = (error: Error) => {
    setUrlTestRefused(error instanceof ApiClientError && error.code === "test_failed");
    if (error instanceof ApiClientError && error.issues.length) setErrors(fieldErrors(error.issues));
    else setErrors({ form: error.message });
  };

  /** Shows the schema's field errors (and the projects rule) at once; true when the body may be sent. */
  const isValid = (parsed: z.ZodSafeParseResult<unknown>) => {
    const next = withProjectsRule(parsed.success ? {} : fieldErrors(parsed.error.issues), state);
    setErrors(next);
    return Object.keys(next).length === 0;
  };
  const onSaved = () => {
    setSaved(true);
    toast.success("Webhook saved");
    router.push("/settings/webhooks");
  };
  const onCreated = ({ id, url, token }: { id: string; url: string; token: string }) => {
    setCreated({ id, url, token });
    toast.success("Webhook created. It starts disabled: test it and enable it here, or from the list.");
  };

  function save(webhookId: string, options: { isDisabling?: boolean } = {}) {
    const body = { ...updateBody(state), ...(options.isDisabling ? { enabled: false as const } : {}) };
    setUrlTestRefused(false);
    if (isValid(ZWebhookUpdate.safeParse(body))) update.mutate({ id: webhookId, body }, { onSuccess: onSaved, onError });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (webhook) return save(webhook.id);
    const body = createBody(state);
    if (isValid(ZWebhookCreate.safeParse(body))) create.mutate(body, { onSuccess: onCreated, onError });
  }

  /** What Test sends, or null (with the URL's error shown) when the URL cannot be tested. */
  function testTarget(): TTestTarget | null {
    const result = testTargetOf(state, webhook);
    if ("urlError" in result || "signatureFamiliesError" in result) {
      test.reset();
      setErrors((e) => ({ ...e, ...("urlError" in result ? { url: result.urlError } : { signatureFamilies: result.signatureFamiliesError }) }));
      return null;
    }
    setErrors(({ url: _url, signatureFamilies: _families, ...rest }) => rest);
    return result.target;
  }

  // The server sends the saved password only to the saved URL (lib/server/webhooks/test-webhook.ts);
  // the browser never has it, so testing an edited URL with it means typing it again.
  const isSavedPasswordWithheld = webhook?.hasHttpPassword === true && state.httpUser !== "" && !state.httpPassword && !isSavedUrl(state.url, webhook.url);

  return {
    state,
    set,
    setProjects,
    errors,
    created,
    isSaving: create.isPending || update.isPending,
    submit,
    /** Offered after the new URL's test failed: saves everything and disables the webhook, in one request. */
    saveDisabled: isUrlTestRefused && webhook ? () => save(webhook.id, { isDisabling: true }) : null,
    test,
    testTarget,
    isSavedPasswordWithheld,
  };
}
