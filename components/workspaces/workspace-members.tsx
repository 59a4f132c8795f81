"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useAddMember } from "@/lib/queries/use-add-member";
import { useCreateSignInLink } from "@/lib/queries/use-create-sign-in-link";
import { useRemoveMember } from "@/lib/queries/use-remove-member";
import { useWorkspaceMembers } from "@/lib/queries/use-workspace-members";
import type { TMember, TWorkspace } from "@/lib/validation/workspace";
import { MemberAddForm } from "./member-add-form";
import { MemberRow } from "./member-row";
import { SignInLinkResult, type TShownLink } from "./sign-in-link-result";

const asRoleInput = (role: TMember["role"]) => (role === "ADMIN" ? "admin" : "member");

/**
 * A workspace's members, mounted when its card is expanded. Promoting happens at once; demoting and
 * removing ask first, because both revoke the API keys and OAuth applications the person made there.
 */
export function WorkspaceMembers({ workspace }: { workspace: TWorkspace }) {
  const toast = useToast();
  const members = useWorkspaceMembers(workspace.id);
  const setRole = useAddMember(workspace.id);
  const remove = useRemoveMember(workspace.id);
  const signIn = useCreateSignInLink(workspace.id);
  const [link, setLink] = useState<TShownLink | null>(null);
  const [demoting, setDemoting] = useState<TMember | null>(null);
  const [removing, setRemoving] = useState<TMember | null>(null);

  const changeRole = (m: TMember, role: "admin" | "member") =>
    setRole.mutate(
      { email: m.email, role },
      {
        onSuccess: () => toast.success(`${m.email} is now ${role === "admin" ? "an admin" : "a member"} of “${workspace.name}”`),
        onError: (e) => toast.error(`Could not change the role of ${m.email}: ${e.message}`),
      },
    );
  const onChangeRole = (m: TMember) => (m.role === "ADMIN" ? setDemoting(m) : changeRole(m, "admin"));
  const onSignInLink = (m: TMember) => {
    const role = asRoleInput(m.role);
    signIn.mutate(
      { email: m.email, role },
      { onSuccess: (made) => setLink({ ...made, email: m.email, role }), onError: (e) => toast.error(`Could not make a sign-in link: ${e.message}`) },
    );
  };

  return (
    <div className="space-y-4 border-t border-gray-100 px-5 py-4">
      {members.isPending ? (
        <p role="status" className="text-sm text-gray-600">
          Loading members…
        </p>
      ) : null}
      {members.error ? <ErrorAlert>Could not load members: {members.error.message}</ErrorAlert> : null}
      {members.data?.length === 0 ? <p className="text-sm text-gray-600">No members yet: add one below, or hand someone a sign-in link.</p> : null}
      {members.data?.length ? (
        <ul className="divide-y divide-gray-100" aria-label={`Members of ${workspace.name}`}>
          {members.data.map((m) => (
            <MemberRow key={m.email} member={m} onChangeRole={onChangeRole} onSignInLink={onSignInLink} onRemove={setRemoving} />
          ))}
        </ul>
      ) : null}
      <MemberAddForm workspace={workspace} onLink={setLink} />
      {link ? <SignInLinkResult link={link} workspaceName={workspace.name} onDone={() => setLink(null)} /> : null}

      <ConfirmDialog
        isOpen={demoting !== null}
        title="Make this admin a member?"
        confirmLabel="Make member"
        isDanger
        onCancel={() => setDemoting(null)}
        onConfirm={() => {
          if (demoting) changeRole(demoting, "member");
          setDemoting(null);
        }}
      >
        {demoting?.email} can no longer open the settings of “{workspace.name}”, and the API keys and OAuth applications they made there are revoked (another
        admin can restore them).
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={removing !== null}
        title="Remove this member?"
        confirmLabel="Remove"
        isDanger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing)
            remove.mutate(removing.email, {
              onSuccess: () => toast.success(`${removing.email} removed from “${workspace.name}”`),
              onError: (e) => toast.error(`Could not remove ${removing.email}: ${e.message}`),
            });
          setRemoving(null);
        }}
      >
        {removing?.email} loses access to “{workspace.name}” at once, and the API keys and OAuth applications they made there are revoked (another admin can
        restore them).
      </ConfirmDialog>
    </div>
  );
}
