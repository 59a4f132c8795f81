import { describe, expect, it } from "vitest";
import { parseTheme, THEME_COOKIE, themeCookie } from "@/lib/validation/theme";

describe("theme", () => {
  it("reads light and dark from the cookie; anything else is the system's", () => {
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("dark")).toBe("dark");
    for (const v of [undefined, "", "system", "DARK", "dark; x=1", "<script>"]) expect(parseTheme(v), String(v)).toBe("system");
  });

  it("remembers a chosen theme for a year, and forgets it for the system's", () => {
    expect(themeCookie("dark")).toBe(`${THEME_COOKIE}=dark; Max-Age=31536000; Path=/; SameSite=Lax`);
    expect(themeCookie("system")).toBe(`${THEME_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`);
  });
});
