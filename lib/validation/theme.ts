// The color theme an admin picked in the header (browser-safe: the server reads the cookie to put
// the class on <html> before the first paint, the switch writes it). No cookie: follow the system.

export const THEMES = ["system", "light", "dark"] as const;
export type TTheme = (typeof THEMES)[number];
export const THEME_COOKIE = "hookline-theme";

/** A cookie's value as a theme; anything else (absent, tampered) is the system's. */
export function parseTheme(value: string | undefined): TTheme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The cookie that remembers `theme` for a year ("system" forgets it). */
export function themeCookie(theme: TTheme): string {
  return theme === "system" ? `${THEME_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax` : `${THEME_COOKIE}=${theme}; Max-Age=31536000; Path=/; SameSite=Lax`;
}
