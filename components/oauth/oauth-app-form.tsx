"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { ScopesPicker } from "@/components/api-keys/scopes-picker";
import { Button } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useCreateOAuthApp } from "@/lib/queries/use-create-oauth-app";
import { type TOAuthClientType, ZOAuthAppCreate } from "@/lib/validation/oauth";
import { type TScope, WORKSPACE_SCOPES } from "@/lib/validation/scopes";
import { ClientTypePicker } from "./client-type-picker";

type TErrors = Partial<Record<"name" | "clientType" | "redirectUris" | "scopes" | "form", string>>;

const URI_HINTS: Record<TOAuthClientType, { hint: string; placeholder: string }> = {
  confidential: {
    hint: "One per line; where the consent page sends codes (https, or http to localhost). Leave empty for client credentials only.",
    placeholder: "https://app.example.com/oauth/callback",
  },
  public: {
    hint: "One per line: http://127.0.0.1, http://[::1] or http://localhost (any port), or the app's own scheme such as com.example.app:/callback.",
    placeholder: "http://127.0.0.1:8400/callback",
  },
};

/** Register an application; a confidential client's secret is shown here once. */
export function OAuthAppForm() {
  const create = useCreateOAuthApp();
  const [name, setName] = useState("");
  const [clientType, setClientType] = useState<TOAuthClientType>("confidential");
  const [uris, setUris] = useState("");
  const [scopes, setScopes] = useState<TScope[]>([]);
  const [errors, setErrors] = useState<TErrors>({});
  const [created, setCreated] = useState<{ name: string; clientId: string; clientSecret: string | null } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstInvalid(formRef.current);
  }, [errors]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const redirectUris = uris.split(/\s+/).filter(Boolean);
    const parsed = ZOAuthAppCreate.safeParse({ name, clientType, redirectUris, scopes });
    if (!parsed.success) {
      const next: TErrors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof TErrors] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (app) => {
        setCreated({ name: app.name, clientId: app.clientId, clientSecret: app.clientSecret });
        setName("");
        setClientType("confidential");
        setUris("");
        setScopes([]);
      },
      onError: (e) => setErrors({ form: e.message }),
    });
  }

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <TextField
          label="Application name"
          name="name"
          placeholder="e.g. Reporting dashboard"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <ClientTypePicker value={clientType} onChange={setClientType} error={errors.clientType} />
        <TextAreaField
          label="Redirect URIs"
          hint={URI_HINTS[clientType].hint}
          error={errors.redirectUris}
          name="redirectUris"
          rows={2}
          value={uris}
          onChange={(e) => setUris(e.target.value)}
          placeholder={URI_HINTS[clientType].placeholder}
        />
        <ScopesPicker legend="Scopes its tokens may get" value={scopes} onChange={setScopes} error={errors.scopes} offered={WORKSPACE_SCOPES} />
        {errors.form ? (
          <p role="alert" className="text-sm text-red-600">
            {errors.form}
          </p>
        ) : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Registering…" : "Register application"}
        </Button>
      </form>

      {created ? (
        <div role="status" className="space-y-3 rounded-xl border border-green-200 bg-green-50 p-5">
          <p className="text-sm font-semibold text-green-900">
            {created.clientSecret
              ? `“${created.name}” registered. Copy the client secret now: it is not shown again.`
              : `“${created.name}” registered as a public client: it has no secret, and gets tokens with PKCE alone.`}
          </p>
          <p className="text-xs font-medium text-green-900">client_id</p>
          <SecretReveal label="Client ID" value={created.clientId} tone="success" />
          {created.clientSecret ? (
            <>
              <p className="text-xs font-medium text-green-900">client_secret</p>
              <SecretReveal label="Client secret" value={created.clientSecret} tone="success" />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
