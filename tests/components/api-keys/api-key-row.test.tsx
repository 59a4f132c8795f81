// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { ApiKeyRow } from "@/components/api-keys/api-key-row";
import type { TApiKey } from "@/lib/validation/api-key";

afterEach(cleanup);

const KEY: TApiKey = {
  id: "k1",
  name: "CRM production",
  prefix: "hkl_abcdef",
  scopes: ["events:publish"],
  createdAt: "2026-11-01T10:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  revokedReason: null,
  createdBy: "ada@example.com",
};

function show(key: TApiKey) {
  const seen: string[] = [];
  render(
    <table>
      <tbody>
        <ApiKeyRow apiKey={key} onRevoke={(k) => seen.push(`revoke ${k.id}`)} onRestore={(k) => seen.push(`restore ${k.id}`)} />
      </tbody>
    </table>,
  );
  return { seen, user: userEvent.setup() };
}

describe("ApiKeyRow", () => {
  it("a working key: its creator and Revoke, no state, no Restore", async () => {
    const { seen, user } = show(KEY);
    expect(screen.getByText("by ada@example.com")).toBeTruthy();
    expect(screen.queryByTestId("api-key-state")).toBeNull();
    expect(screen.queryByRole("button", { name: "Restore CRM production" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Revoke CRM production" }));
    expect(seen).toEqual(["revoke k1"]);
  });

  it("revoked because its creator is no longer an admin: says so, and offers Restore and Revoke", async () => {
    const { seen, user } = show({ ...KEY, revokedAt: "2026-11-02T10:00:00.000Z", revokedReason: "creator_not_admin" });
    expect(screen.getByTestId("api-key-state").textContent).toBe("Revoked: its creator is no longer an admin");
    await user.click(screen.getByRole("button", { name: "Restore CRM production" }));
    await user.click(screen.getByRole("button", { name: "Revoke CRM production" }));
    expect(seen).toEqual(["restore k1", "revoke k1"]);
  });

  it("revoked by an admin: just Revoked, nothing to press", () => {
    show({ ...KEY, revokedAt: "2026-11-02T10:00:00.000Z", revokedReason: "by_admin", createdBy: null });
    expect(screen.getByTestId("api-key-state").textContent).toBe("Revoked");
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByText(/^by /)).toBeNull();
  });
});
