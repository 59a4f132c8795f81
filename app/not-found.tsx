import Link from "next/link";
import { AuthCard } from "@/components/layout/auth-card";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <AuthCard title="Page not found" subtitle="404 · There is nothing at this address">
      <Link href="/settings" className={buttonClass("primary", "w-full")}>
        Go to Settings
      </Link>
    </AuthCard>
  );
}
