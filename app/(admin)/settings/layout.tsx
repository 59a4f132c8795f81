import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LiveUpdates } from "@/components/layout/live-updates";
import { SettingsNav } from "@/components/layout/settings-nav";
import { WorkspaceScope } from "@/components/layout/workspace-scope";
import { currentSession } from "@/lib/api/current-user";

// Each page calls requireAdminPage itself: a layout is not re-run on every navigation, so it is no
// boundary on its own. Nor does it know the page's path, so an anonymous visitor is left to the
// page, which sends them to sign in with the way back to exactly where they were going.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const session = await currentSession();
  if (!session) return children;
  // An admin of the current workspace, or an operator (Settings → Workspaces); each page checks which it needs.
  if (session.current?.role !== "ADMIN" && !session.user.isOperator) forbidden();
  const { user, workspaces, current } = session;
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <AppHeader email={user.email} workspaces={workspaces.filter((w) => w.role === "ADMIN")} current={current} isOperator={user.isOperator} />
      <WorkspaceScope id={current?.role === "ADMIN" ? current.id : null} />
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row md:gap-10 md:py-10">
        <SettingsNav isAdmin={current?.role === "ADMIN"} isOperator={user.isOperator} />
        <main id="main" className="min-w-0 flex-1">
          {/* Live only where the pages read a workspace: an operator who is no admin here has none. */}
          {current?.role === "ADMIN" ? <LiveUpdates>{children}</LiveUpdates> : children}
        </main>
      </div>
    </div>
  );
}
