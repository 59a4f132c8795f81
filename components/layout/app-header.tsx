import { cookies } from "next/headers";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LogoMark } from "@/components/ui/icons";
import { parseTheme, THEME_COOKIE } from "@/lib/validation/theme";
import type { TWorkspaceChoice } from "@/lib/validation/workspace";
import { ThemeSwitch } from "./theme-switch";
import { WorkspaceSwitcher } from "./workspace-switcher";

type Props = { email: string; workspaces: TWorkspaceChoice[]; current: TWorkspaceChoice | null; isOperator: boolean };

/** A user of one workspace never sees its name; one of several switches here. */
export async function AppHeader({ email, workspaces, current, isOperator }: Props) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const badge = current?.role === "ADMIN" ? "Admin" : isOperator ? "Operator" : null;
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <Link href="/settings/webhooks" className="flex shrink-0 items-center gap-2.5 font-semibold text-gray-900">
            <LogoMark />
            <span className="max-sm:sr-only">Hookline</span>
          </Link>
          {workspaces.length > 1 ? <WorkspaceSwitcher workspaces={workspaces} currentId={current?.id ?? null} /> : null}
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:gap-3">
          <span className="hidden truncate text-sm text-gray-600 md:inline" title={email}>
            {email}
          </span>
          {badge ? <span className="hidden rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 sm:inline">{badge}</span> : null}
          <ThemeSwitch initial={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
