"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";

/**
 * Reads the token from the URL's fragment (never sent to a server, so never in a log), takes it out
 * of the address bar and the history, and signs in with it once. Lands on Settings → Webhooks.
 */
export function SignInWithLink() {
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // React's development double effect must not spend the link twice
    started.current = true;
    const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
    window.history.replaceState(null, "", window.location.pathname);
    if (!token) {
      setError("This sign-in link is incomplete: it has no token. Ask for a new one.");
      return;
    }
    void signIn("sign-in-link", { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) window.location.replace("/settings");
      else setError(!result?.error || result.error === "CredentialsSignin" ? "This sign-in link is not valid. Ask for a new one." : result.error);
    });
  }, []);

  if (!error)
    return (
      <p role="status" className="text-sm text-gray-600">
        Signing you in…
      </p>
    );
  return (
    <div className="space-y-4">
      <ErrorAlert>{error}</ErrorAlert>
      <p className="text-sm text-gray-600">
        Or{" "}
        <Link href="/signin" className="text-brand-700 underline">
          sign in with a password
        </Link>
        .
      </p>
    </div>
  );
}
