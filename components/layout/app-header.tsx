import { cookies } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LogoMark } from "@/components/ui/icons";
import { parseTheme, THEME_COOKIE } from "@/lib/validation/theme";
import { ThemeSwitch } from "./theme-switch";

export async function AppHeader({ email }: { email: string }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/settings/webhooks" className="flex items-center gap-2.5 font-semibold text-gray-900">
          <LogoMark />
          <span>Hookline</span>
        </Link>
        <div className="flex min-w-0 items-center gap-3">
          <span className="hidden truncate text-sm text-gray-600 sm:inline" title={email}>
            {email}
          </span>
          <span className="hidden rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 sm:inline">Admin</span>
          <ThemeSwitch initial={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
