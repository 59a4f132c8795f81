"use client";

import { useState } from "react";
import { parseTheme, THEMES, type TTheme, themeCookie } from "@/lib/validation/theme";

const LABELS: Record<TTheme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Light, dark, or the system's: applied at once on <html>, and remembered in a cookie for the server's first paint. */
export function ThemeSwitch({ initial }: { initial: TTheme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (value: string) => {
    const next = parseTheme(value);
    setTheme(next);
    document.documentElement.classList.remove("light", "dark");
    if (next !== "system") document.documentElement.classList.add(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie the server reads; the Cookie Store API is not in every browser.
    document.cookie = themeCookie(next);
  };
  return (
    <label className="flex items-center">
      <span className="sr-only">Color theme</span>
      <select
        value={theme}
        onChange={(e) => choose(e.target.value)}
        className="h-8 rounded-md border-0 bg-white py-1 pr-7 pl-2 text-xs text-gray-700 ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
