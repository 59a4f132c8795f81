"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { TextField } from "@/components/ui/text-field";
import { useToast } from "@/components/ui/toast";
import { errorsOf, fieldErrors } from "@/lib/client/api-client";
import { useAddMember } from "@/lib/queries/use-add-member";
import { useCreateSignInLink } from "@/lib/queries/use-create-sign-in-link";
import { type TWorkspace, ZMembershipAdd, ZSignInLinkCreate } from "@/lib/validation/workspace";
import type { TShownLink } from "./sign-in-link-result";

type TRoleInput = "admin" | "member";
type TErrors = Partial<Record<"email" | "role" | "form", string>>;

const toErrors = (e: Error): TErrors => errorsOf(e, "form");

/**
 * Adds an existing user by email, or makes a sign-in link for the same email: the link is the way
 * in for a person without an account (it makes the account and membership when it is used).
 */
export function MemberAddForm({ workspace, onLink }: { workspace: TWorkspace; onLink: (link: TShownLink) => void }) {
  const toast = useToast();
  const add = useAddMember(workspace.id);
  const signIn = useCreateSignInLink(workspace.id);
  const [email, setEmail] = useState("");
  // Admin by default: a member can see nothing yet, so the people an operator adds are its admins.
  const [role, setRole] = useState<TRoleInput>("admin");
  const [errors, setErrors] = useState<TErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const roleId = useId();
  useEffect(() => {
    if (Object.keys(errors).length) focusFirstInvalid(formRef.current);
  }, [errors]);

  /** The email as the schema reads it (trimmed, lower-case), or null with the field errors shown. */
  function checked(schema: typeof ZMembershipAdd | typeof ZSignInLinkCreate): string | null {
    const parsed = schema.safeParse({ email, role });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues));
    return parsed.success ? parsed.data.email : null;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const valid = checked(ZMembershipAdd);
    if (valid === null) return;
    add.mutate(
      { email: valid, role },
      {
        onSuccess: (m) => {
          toast.success(`${m.email} is now ${m.role === "ADMIN" ? "an admin" : "a member"} of “${workspace.name}”`);
          setEmail("");
        },
        onError: (e) => setErrors(toErrors(e)),
      },
    );
  }

  function onSignInLink() {
    const valid = checked(ZSignInLinkCreate);
    if (valid === null) return;
    signIn.mutate({ email: valid, role }, { onSuccess: (link) => onLink({ ...link, email: valid, role }), onError: (e) => setErrors(toErrors(e)) });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Add a member to ${workspace.name}`} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="person@customer.example"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          className="flex-1"
        />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-gray-900">
            Role
          </label>
          <select
            id={roleId}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as TRoleInput)}
            className="mt-1.5 block w-full rounded-md border-0 bg-white py-2 pr-8 pl-3 text-sm text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none sm:w-auto"
          >
            <option value="admin">Admin</option>
            <option value="member">Member</option>
          </select>
        </div>
        <div className="flex flex-wrap gap-2 sm:mt-[1.625rem]">
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Adding…" : "Add member"}
          </Button>
          <Button variant="secondary" disabled={signIn.isPending} onClick={onSignInLink}>
            {signIn.isPending ? "Making link…" : "Sign-in link"}
          </Button>
        </div>
      </div>
      {errors.form || errors.role ? (
        <p role="alert" tabIndex={-1} className="text-sm text-red-600">
          {errors.form ?? errors.role}
        </p>
      ) : null}
    </form>
  );
}
