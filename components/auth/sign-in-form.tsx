"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors as issuesByField } from "@/lib/client/api-client";
import { ZSignIn } from "@/lib/validation/user";

/** Field name ("email", "password") → its first error. */
type FieldErrors = Record<string, string>;

export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Each failed submit sets new error objects: focus then goes to the alert or the first invalid field.
  useEffect(() => {
    if (formError || Object.keys(fieldErrors).length) focusFirstInvalid(formRef.current);
  }, [formError, fieldErrors]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = ZSignIn.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(issuesByField(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    setIsPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        router.replace(returnTo);
        router.refresh();
        return;
      }
      // next-auth reports a null from authorize() as "CredentialsSignin"; a thrown error by its message.
      setFormError(!result?.error || result.error === "CredentialsSignin" ? "Wrong email or password." : result.error);
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    }
    setIsPending(false);
  }

  // method="post": a submit before hydration must never put the password in the URL (and server logs).
  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus error={fieldErrors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
