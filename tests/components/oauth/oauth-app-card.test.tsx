// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { OAuthAppCard } from "@/components/oauth/oauth-app-card";
import { ToastProvider } from "@/components/ui/toast";
import type { TOAuthApp } from "@/lib/validation/oauth";

afterEach(cleanup);

const APP: TOAuthApp = {
  id: "a1",
  clientId: "hlc_x",
  name: "Reports",
  clientType: "confidential",
  redirectUris: [],
  scopes: ["webhooks:read"],
  createdAt: "2026-11-01T10:00:00.000Z",
  createdBy: "ada@example.com",
  revokedAt: null,
  revokedReason: null,
  tokens: [],
};

function show(app: TOAuthApp) {
  const seen: string[] = [];
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ToastProvider>
        <ul>
          <OAuthAppCard
            app={app}
            onDelete={(a) => seen.push(`delete ${a.id}`)}
            onRotate={(a) => seen.push(`rotate ${a.id}`)}
            onRevoke={() => seen.push("revoke")}
            onRestore={(a) => seen.push(`restore ${a.id}`)}
          />
        </ul>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { seen, user: userEvent.setup() };
}

describe("OAuthAppCard", () => {
  it("a working application: who created it, Delete, no Restore", () => {
    show(APP);
    expect(screen.getByText("Created by ada@example.com")).toBeTruthy();
    expect(screen.queryByTestId("oauth-app-state")).toBeNull();
    expect(screen.queryByRole("button", { name: "Restore Reports" })).toBeNull();
    expect(screen.getByRole("button", { name: "Delete Reports" })).toBeTruthy();
  });

  it("revoked because its creator is no longer an admin: says so and offers Restore", async () => {
    const { seen, user } = show({ ...APP, revokedAt: "2026-11-02T10:00:00.000Z", revokedReason: "creator_not_admin" });
    expect(screen.getByTestId("oauth-app-state").textContent).toContain("Revoked: its creator is no longer an admin");
    await user.click(screen.getByRole("button", { name: "Restore Reports" }));
    expect(seen).toEqual(["restore a1"]);
  });

  it("offers Rotate secret for a confidential client only, and Edit opens the name and redirect URIs in place", async () => {
    const { seen } = show({ ...APP, clientType: "confidential" });
    await userEvent.click(screen.getByRole("button", { name: `Rotate the secret of ${APP.name}` }));
    expect(seen).toContain(`rotate ${APP.id}`);
    await userEvent.click(screen.getByRole("button", { name: `Edit ${APP.name}` }));
    expect(screen.getByRole("form", { name: `Edit ${APP.name}` })).toBeTruthy();
    cleanup();
    show({ ...APP, clientType: "public" });
    expect(screen.queryByRole("button", { name: /Rotate the secret/ })).toBeNull();
  });
});
