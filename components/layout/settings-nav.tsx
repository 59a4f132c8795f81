"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BookIcon, BuildingsIcon, KeyIcon, ListIcon, PulseIcon, ShieldIcon, TagIcon, UserIcon, WebhookIcon } from "@/components/ui/icons";

// A workspace's settings (its admins'), then the installation's (operators').
const WORKSPACE_ITEMS = [
  { href: "/settings/overview", label: "Overview", Icon: PulseIcon },
  { href: "/settings/webhooks", label: "Webhooks", Icon: WebhookIcon },
  { href: "/settings/webhooks/deliveries", label: "Deliveries", Icon: ListIcon },
  { href: "/settings/catalog", label: "Event types and projects", Icon: TagIcon },
  { href: "/settings/api-keys", label: "API keys", Icon: KeyIcon },
  { href: "/settings/oauth-apps", label: "OAuth apps", Icon: KeyIcon },
  { href: "/settings/audit-log", label: "Audit log", Icon: ShieldIcon },
  { href: "/settings/api-docs", label: "API reference", Icon: BookIcon },
] as const;
const OPERATOR_ITEMS = [
  { href: "/settings/workspaces", label: "Workspaces", Icon: BuildingsIcon },
  // An operator who is no admin here still reads the installation's own log.
  { href: "/settings/audit-log", label: "Audit log", Icon: ShieldIcon },
] as const;
// Everyone's own (a signed-in admin or operator).
const ACCOUNT_ITEMS = [{ href: "/settings/account", label: "Account", Icon: UserIcon }] as const;

// Pages that live under one item's path but belong to another's section: an event's page is reached
// from the delivery log (and links back to it), whatever its URL says.
const BELONGS_TO: [prefix: string, href: string][] = [["/settings/webhooks/events/", "/settings/webhooks/deliveries"]];

/** The item a page belongs to: the longest item path it is under (after BELONGS_TO). Exported for its unit test. */
export function activeHref(pathname: string, hrefs: readonly string[]): string | null {
  const path = BELONGS_TO.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? pathname;
  const under = hrefs.filter((href) => path === href || path.startsWith(`${href}/`));
  return under.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** Sidebar on wide screens; on narrow ones, tabs without icons that wrap to a second row rather than hide behind a scroll. */
export function SettingsNav({ isAdmin, isOperator }: { isAdmin: boolean; isOperator: boolean }) {
  const pathname = usePathname();
  const listed = [...(isAdmin ? WORKSPACE_ITEMS : []), ...(isOperator ? OPERATOR_ITEMS : []), ...ACCOUNT_ITEMS];
  const ITEMS = listed.filter((item, i) => listed.findIndex((other) => other.href === item.href) === i);
  const active = activeHref(
    pathname,
    ITEMS.map((i) => i.href),
  );
  return (
    <nav aria-label="Settings" className="md:w-52 md:shrink-0">
      <p className="mb-2 hidden px-3 text-xs font-semibold tracking-wide text-gray-500 uppercase md:block">Settings</p>
      <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
        {ITEMS.map(({ href, label, Icon }) => {
          const isActive = href === active;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={`flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium whitespace-nowrap md:px-3 ${isActive ? "bg-white text-brand-700 shadow-sm ring-1 ring-gray-200" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900"}`}
              >
                <Icon className={`max-md:hidden ${isActive ? "text-brand-600" : "text-gray-400"}`} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
