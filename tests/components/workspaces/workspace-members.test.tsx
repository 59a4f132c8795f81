// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { WorkspaceCard } from "@/components/workspaces/workspace-card";
import { cleanUpAfterEach } from "../../helpers/query-harness";
import { ACME, ADA, apiError, renderWithApi, type TAnswer } from "./workspaces-harness";

cleanUpAfterEach();

const MEMBERS_PATH = `/workspaces/${ACME.id}/members`;
const BOB = { email: "bob@example.com", name: null, role: "MEMBER", isOperator: false, createdAt: "2026-02-03T00:00:00.000Z" };
const NO_SUCH_USER = "No user has the email bob@example.com: create them first (or send them a sign-in link)";

/** One card, its members expanded (they are read only then). */
async function showMembers(answers: Record<string, TAnswer>) {
  const harness = renderWithApi(
    <ul>
      <WorkspaceCard workspace={ACME} />
    </ul>,
    { [`GET ${MEMBERS_PATH}`]: { status: 200, body: { data: [ADA] } }, ...answers },
  );
  expect(harness.reads(MEMBERS_PATH)).toBe(0);
  const toggle = screen.getByRole("button", { name: "Members" });
  await harness.user.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  await screen.findByRole("list", { name: "Members of Acme" });
  return harness;
}

describe("WorkspaceMembers", () => {
  it("adds an existing user with the chosen role, then re-reads the members", async () => {
    const { user, writes, reads } = await showMembers({ [`POST ${MEMBERS_PATH}`]: { status: 200, body: BOB } });
    await user.type(screen.getByLabelText("Email"), "  Bob@Example.com ");
    await user.selectOptions(screen.getByLabelText("Role"), "member");
    await user.click(screen.getByRole("button", { name: "Add member" }));

    expect(await screen.findByText("bob@example.com is now a member of “Acme”")).toBeTruthy();
    expect(writes()).toEqual([["POST", MEMBERS_PATH, { email: "bob@example.com", role: "member" }]]);
    expect(screen.getByLabelText("Email")).toHaveProperty("value", "");
    await vi.waitFor(() => expect(reads(MEMBERS_PATH)).toBe(2));
  });

  it("shows the server's no-such-user error under the email field, and keeps what was typed", async () => {
    const { user, writes } = await showMembers({
      [`POST ${MEMBERS_PATH}`]: apiError(400, "validation_failed", NO_SUCH_USER, [{ path: "email", message: NO_SUCH_USER }]),
    });
    await user.type(screen.getByLabelText("Email"), "bob@example.com");
    await user.click(screen.getByRole("button", { name: "Add member" }));

    const message = await screen.findByText(NO_SUCH_USER);
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toBe(message.id);
    expect(email).toHaveProperty("value", "bob@example.com");
    expect(writes()).toEqual([["POST", MEMBERS_PATH, { email: "bob@example.com", role: "admin" }]]);
  });

  it("refuses an email that is not one before sending", async () => {
    const { user, writes } = await showMembers({});
    await user.type(screen.getByLabelText("Email"), "bob");
    await user.click(screen.getByRole("button", { name: "Add member" }));
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(writes()).toEqual([]);
  });

  it("removes a member only after confirming, at the URL-encoded email", async () => {
    const { user, writes } = await showMembers({ [`DELETE ${MEMBERS_PATH}/ada%40example.com`]: { status: 204 } });
    await user.click(screen.getByRole("button", { name: "Remove ada@example.com" }));
    const dialog = screen.getByRole("dialog", { name: "Remove this member?" });
    expect(writes()).toEqual([]);
    await user.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(await screen.findByText("ada@example.com removed from “Acme”")).toBeTruthy();
    expect(writes()).toEqual([["DELETE", `${MEMBERS_PATH}/ada%40example.com`, undefined]]);
  });

  it("demotes an admin only after confirming (it revokes what they made there)", async () => {
    const { user, writes } = await showMembers({ [`POST ${MEMBERS_PATH}`]: { status: 200, body: { ...ADA, role: "MEMBER" } } });
    await user.click(screen.getByRole("button", { name: "Make member ada@example.com" }));
    const dialog = screen.getByRole("dialog", { name: "Make this admin a member?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(writes()).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Make member ada@example.com" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Make member" }));
    expect(await screen.findByText("ada@example.com is now a member of “Acme”")).toBeTruthy();
    expect(writes()).toEqual([["POST", MEMBERS_PATH, { email: "ada@example.com", role: "member" }]]);
  });

  it("says why when the members cannot be read", async () => {
    const { user } = renderWithApi(
      <ul>
        <WorkspaceCard workspace={ACME} />
      </ul>,
      { [`GET ${MEMBERS_PATH}`]: apiError(403, "forbidden", "Operators only") },
    );
    await user.click(screen.getByRole("button", { name: "Members" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Could not load members: Operators only");
  });
});
