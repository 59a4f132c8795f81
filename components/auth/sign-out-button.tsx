"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ variant = "ghost" }: { variant?: "ghost" | "secondary" }) {
  // No callbackUrl: next-auth would make it absolute with NEXTAUTH_URL's host, sending anyone who
  // reached the app by another name (a LAN address, 127.0.0.1) elsewhere. A relative path stays here.
  const signOutHere = async () => {
    await signOut({ redirect: false });
    window.location.assign("/signin");
  };
  return (
    <Button variant={variant} onClick={() => void signOutHere()}>
      Sign out
    </Button>
  );
}
