import { describe, expect, it } from "vitest";
import { WORKSPACE_COOKIE, WORKSPACE_HEADER } from "@/lib/api/workspace-cookie";
import { cookieValue } from "@/lib/auth/device-cookie";

describe("workspace cookie and header names", () => {
  it("are the names the switcher sets and the browser's API calls carry", () => {
    expect(WORKSPACE_COOKIE).toBe("hookline-workspace");
    expect(WORKSPACE_HEADER).toBe("x-hookline-workspace");
  });
});

describe("cookieValue (lib/auth/device-cookie.ts) with the workspace cookie", () => {
  it("finds a cookie among others, trimming the spaces around names and values", () => {
    expect(cookieValue("a=1; hookline-workspace=abc; b=2", WORKSPACE_COOKIE)).toBe("abc");
    expect(cookieValue("hookline-workspace=first", WORKSPACE_COOKIE)).toBe("first");
    expect(cookieValue("a=1;   hookline-workspace =  spaced  ;b=2", WORKSPACE_COOKIE)).toBe("spaced");
    expect(cookieValue("a=1; b=2; hookline-workspace=last", WORKSPACE_COOKIE)).toBe("last");
  });

  it("is null without a header, without the cookie, or when its value is empty", () => {
    expect(cookieValue(null, WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("a=1; b=2", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("hookline-workspace=", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("hookline-workspace=   ; a=1", WORKSPACE_COOKIE)).toBeNull();
  });

  it("matches the whole name only: a longer or shorter name, or the name as a value, is another cookie", () => {
    expect(cookieValue("x-hookline-workspace=no; hookline-workspaces=no", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("hookline-work=no", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("other=hookline-workspace", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("x-hookline-workspace=no; hookline-workspace=yes", WORKSPACE_COOKIE)).toBe("yes");
  });

  it("ignores parts without a name (no '=' or a leading '='), and takes the first of two", () => {
    expect(cookieValue("hookline-workspace; =hookline-workspace=x", WORKSPACE_COOKIE)).toBeNull();
    expect(cookieValue("junk; hookline-workspace=one; hookline-workspace=two", WORKSPACE_COOKIE)).toBe("one");
  });

  it("keeps an '=' inside the value (only the first one splits)", () => {
    expect(cookieValue("hookline-workspace=a=b=", WORKSPACE_COOKIE)).toBe("a=b=");
  });
});
