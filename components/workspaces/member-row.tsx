"use client";

import { Button } from "@/components/ui/button";
import type { TMember } from "@/lib/validation/workspace";

type Props = { member: TMember; onChangeRole: (m: TMember) => void; onSignInLink: (m: TMember) => void; onRemove: (m: TMember) => void };

/** One member; each button's name ends with the email (visually hidden), so a screen reader's button list tells the rows apart. */
export function MemberRow({ member: m, onChangeRole, onSignInLink, onRemove }: Props) {
  const isAdmin = m.role === "ADMIN";
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="member-row">
      <div className="min-w-0">
        <p className="text-sm font-medium break-all text-gray-900">{m.email}</p>
        <p className="text-xs text-gray-600">
          {m.name ? `${m.name} · ` : ""}
          {isAdmin ? "Admin" : "Member"}
          {m.isOperator ? " · Operator" : ""}
        </p>
      </div>
      <div className="flex flex-wrap gap-1">
        <Button variant="ghost" onClick={() => onChangeRole(m)}>
          {isAdmin ? "Make member" : "Make admin"} <span className="sr-only">{m.email}</span>
        </Button>
        <Button variant="ghost" onClick={() => onSignInLink(m)}>
          Sign-in link <span className="sr-only">for {m.email}</span>
        </Button>
        <Button variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => onRemove(m)}>
          Remove <span className="sr-only">{m.email}</span>
        </Button>
      </div>
    </li>
  );
}
