"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ variant = "ghost" }: { variant?: "ghost" | "secondary" }) {
  return (
    <Button variant={variant} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </Button>
  );
}
