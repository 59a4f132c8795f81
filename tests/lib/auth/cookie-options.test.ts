import { afterEach, describe, expect, it } from "vitest";
import { authCookies, cookieBase, isFramingAllowed, workspaceCookieOptions } from "@/lib/auth/cookie-options";
import { resetEnvForTests } from "@/lib/env";

const NAMES = ["NEXTAUTH_URL", "HOOKLINE_PUBLIC_URL", "HOOKLINE_FRAME_ANCESTORS"] as const;

describe("cookie options", () => {
  const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const n of NAMES) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
    resetEnvForTests();
  });
  const set = (values: Partial<Record<(typeof NAMES)[number], string>>) => {
    for (const n of NAMES) delete process.env[n];
    Object.assign(process.env, values);
    resetEnvForTests();
  };

  it("same-site and Secure only over https, when nobody frames the settings (next-auth keeps its own cookies)", () => {
    set({});
    expect(isFramingAllowed()).toBe(false);
    expect(cookieBase()).toEqual({ path: "/", httpOnly: true, sameSite: "lax", secure: false });
    expect(workspaceCookieOptions().serialize("hookline-workspace", "w1")).toBe("hookline-workspace=w1; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000");
    expect(authCookies()).toBeUndefined();
    set({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com" });
    expect(cookieBase().secure).toBe(true);
    expect(workspaceCookieOptions().serialize("n", "v")).toMatch(/; Secure$/);
  });

  it("SameSite=None; Secure for every cookie when a host may frame the settings", () => {
    set({ HOOKLINE_PUBLIC_URL: "https://hooks.example.com", HOOKLINE_FRAME_ANCESTORS: "https://app.example.com" });
    expect(isFramingAllowed()).toBe(true);
    expect(cookieBase()).toEqual({ path: "/", httpOnly: true, sameSite: "none", secure: true });
    expect(workspaceCookieOptions().serialize("n", "v")).toContain("SameSite=None");
    const cookies = authCookies();
    expect(cookies?.sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: cookieBase() });
    expect(cookies?.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
  });
});
