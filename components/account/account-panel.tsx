"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useChangePassword } from "@/lib/queries/use-change-password";
import { useSignOutEverywhere } from "@/lib/queries/use-sign-out-everywhere";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { type TAccount, ZPasswordChange } from "@/lib/validation/user";
import { EmailCard } from "./email-card";

// Both end this session too (the server moves the account's session version on): the browser goes
// to the sign-in page, where the new password (or the same one) signs in again.
const toSignIn = () => window.location.assign("/signin");

function PasswordForm() {
  const change = useChangePassword();
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = ZPasswordChange.safeParse(form);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: toSignIn,
      onError: (e) => setErrors(errorsOf(e, "currentPassword")),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-labelledby="password-title">
      <h2 id="password-title" className="text-base font-semibold text-gray-900">
        Password
      </h2>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={form.currentPassword}
        onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
        error={errors.currentPassword}
      />
      <TextField
        label={`New password (at least ${PASSWORD_MIN_LENGTH} characters)`}
        type="password"
        autoComplete="new-password"
        value={form.newPassword}
        onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
        error={errors.newPassword}
      />
      <p className="text-sm text-gray-600">Changing it signs you out everywhere, this browser included: sign in again with the new one.</p>
      <div className="flex justify-end">
        <Button type="submit" aria-disabled={change.isPending} className="aria-disabled:opacity-60">
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}

function SessionsCard() {
  const signOut = useSignOutEverywhere();
  const toast = useToast();
  const [isAsking, setAsking] = useState(false);
  return (
    <section className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="text-base font-semibold text-gray-900">
        Sessions
      </h2>
      <p className="text-sm text-gray-600">Signed in on a computer you no longer use, or lost one? End every session of yours, in every browser.</p>
      <div className="flex justify-end">
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Sign out everywhere
        </Button>
      </div>
      <ConfirmDialog
        isOpen={isAsking}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        isDanger
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          signOut.mutate(undefined, { onSuccess: toSignIn, onError: (e) => toast.error(`Could not sign out everywhere: ${e.message}`) });
        }}
      >
        Every browser signed in as you, this one included, goes back to the sign-in page.
      </ConfirmDialog>
    </section>
  );
}

/** Settings → Account: the signed-in user's own password, email and sessions. */
export function AccountPanel({ account }: { account: TAccount }) {
  return (
    <div className="space-y-6">
      <p className="text-sm text-gray-700">
        Signed in as <span className="font-medium text-gray-900">{account.email}</span>
      </p>
      <PasswordForm />
      <EmailCard notifyByEmail={account.notifyByEmail} isEmailOn={account.isEmailOn} />
      <SessionsCard />
    </div>
  );
}
