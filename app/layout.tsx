import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE } from "@/lib/validation/theme";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = { title: "Hookline", description: "Self-hosted outgoing webhooks", icons: { icon: "/favicon.svg" } };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 included, is rendered per request: a page built ahead of time would carry no
  // CSP nonce on its scripts, and proxy.ts's policy would block them.
  await connection();
  // A chosen theme is on <html> from the first byte (no flash, no inline script); none: the system's.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
