// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { WorkspacesPanel } from "@/components/workspaces/workspaces-panel";
import { cleanUpAfterEach } from "../../helpers/query-harness";
import { ACME, apiError, DEFAULT_WS, LIST_PATH, renderWithApi, type TAnswer } from "./workspaces-harness";

cleanUpAfterEach();

const LIST: TAnswer = { status: 200, body: { data: [DEFAULT_WS, ACME], nextCursor: null } };
const HAS_WEBHOOKS = apiError(409, "has_webhooks", "Acme has 3 webhooks: delete them first, or send ?force=true");
const card = (name: string) => screen.getByRole("listitem", { name });

async function showPanel(answers: Record<string, TAnswer>) {
  const harness = renderWithApi(<WorkspacesPanel />, { [`GET ${LIST_PATH}`]: LIST, ...answers });
  await screen.findByRole("heading", { name: "Acme" });
  return harness;
}

describe("WorkspaceCard: delete", () => {
  it("offers Delete for Acme, never for Default", async () => {
    await showPanel({});
    expect(within(card("Acme")).getByRole("button", { name: "Delete Acme" })).toBeTruthy();
    expect(within(card("Default")).queryByRole("button", { name: /^Delete/ })).toBeNull();
  });

  it("refused for its webhooks: the dialog explains, then Delete with its webhooks sends force=true", async () => {
    const { user, writes, reads } = await showPanel({
      [`DELETE /workspaces/${ACME.id}`]: HAS_WEBHOOKS,
      [`DELETE /workspaces/${ACME.id}?force=true`]: { status: 204 },
    });
    await user.click(screen.getByRole("button", { name: "Delete Acme" }));
    const dialog = screen.getByRole("dialog", { name: "Delete the workspace “Acme”?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));

    const explanation = await within(dialog).findByRole("alert");
    expect(explanation.textContent).toMatch(/^It has 3 webhooks\. Deleting it now deletes them too/);
    expect(dialog.getAttribute("open")).toBe("");
    expect(screen.getByRole("dialog", { name: "“Acme” still has webhooks" })).toBe(dialog);
    // Focus leaves the destructive button, so a second Enter cannot force the delete unread.
    expect(document.activeElement).toBe(explanation);
    expect(writes()).toEqual([["DELETE", `/workspaces/${ACME.id}`, undefined]]);

    await user.click(within(dialog).getByRole("button", { name: "Delete with its webhooks" }));
    expect(await screen.findByText("Workspace “Acme” deleted")).toBeTruthy();
    expect(writes()).toEqual([
      ["DELETE", `/workspaces/${ACME.id}`, undefined],
      ["DELETE", `/workspaces/${ACME.id}?force=true`, undefined],
    ]);
    expect(dialog.hasAttribute("open")).toBe(false);
    await vi.waitFor(() => expect(reads(LIST_PATH)).toBeGreaterThanOrEqual(2));
  });

  it("Cancel after the refusal sends nothing more, and the next Delete asks the plain question again", async () => {
    const { user, writes } = await showPanel({ [`DELETE /workspaces/${ACME.id}`]: HAS_WEBHOOKS });
    await user.click(screen.getByRole("button", { name: "Delete Acme" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    await screen.findByRole("button", { name: "Delete with its webhooks" });
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Delete Acme" }));
    expect(screen.getByRole("dialog", { name: "Delete the workspace “Acme”?" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Delete with its webhooks" })).toBeNull();
    expect(writes()).toEqual([["DELETE", `/workspaces/${ACME.id}`, undefined]]);
  });

  it("a plain delete that works needs no second question", async () => {
    const { user, writes } = await showPanel({ [`DELETE /workspaces/${ACME.id}`]: { status: 204 } });
    await user.click(screen.getByRole("button", { name: "Delete Acme" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Workspace “Acme” deleted")).toBeTruthy();
    expect(writes()).toEqual([["DELETE", `/workspaces/${ACME.id}`, undefined]]);
  });

  it("another refusal is reported, with no force offered", async () => {
    const { user, writes } = await showPanel({ [`DELETE /workspaces/${ACME.id}`]: apiError(404, "not_found", "Workspace not found") });
    await user.click(screen.getByRole("button", { name: "Delete Acme" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    expect((await screen.findByText(/^Could not delete “Acme”/)).textContent).toBe("Could not delete “Acme”: Workspace not found");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(writes()).toHaveLength(1);
  });
});

describe("WorkspaceCard: limits", () => {
  it("saves both limits, an emptied one as null (no limit)", async () => {
    const { user, writes } = await showPanel({
      [`PATCH /workspaces/${ACME.id}`]: { status: 200, body: { ...ACME, maxInFlight: null, rateLimitPerSecond: 20 } },
    });
    const acme = within(card("Acme"));
    await user.clear(acme.getByLabelText("Requests in flight at most"));
    await user.type(acme.getByLabelText("Requests per second at most"), "20");
    await user.click(acme.getByRole("button", { name: "Save limits" }));
    expect(await screen.findByText("Limits of “Acme” saved")).toBeTruthy();
    expect(writes()).toEqual([["PATCH", `/workspaces/${ACME.id}`, { maxInFlight: null, rateLimitPerSecond: 20 }]]);
  });

  it("refuses a limit the schema refuses, under its field", async () => {
    const { user, writes } = await showPanel({});
    const acme = within(card("Acme"));
    await user.clear(acme.getByLabelText("Requests in flight at most"));
    await user.type(acme.getByLabelText("Requests in flight at most"), "0");
    await user.click(acme.getByRole("button", { name: "Save limits" }));
    expect(acme.getByText("maxInFlight must be at least 1 (or null for no limit)")).toBeTruthy();
    expect(writes()).toEqual([]);
  });
});

describe("WorkspacesPanel", () => {
  it("reads the next page with the previous page's cursor on Load more", async () => {
    const { user, reads } = renderWithApi(<WorkspacesPanel />, {
      [`GET ${LIST_PATH}`]: { status: 200, body: { data: [DEFAULT_WS], nextCursor: DEFAULT_WS.id } },
      [`GET ${LIST_PATH}&cursor=${DEFAULT_WS.id}`]: { status: 200, body: { data: [ACME], nextCursor: null } },
    });
    await user.click(await screen.findByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("heading", { name: "Acme" })).toBeTruthy();
    expect(screen.getAllByRole("heading").map((h) => h.textContent)).toEqual(["Default", "Acme"]);
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(reads(`${LIST_PATH}&cursor=${DEFAULT_WS.id}`)).toBe(1);
  });

  it("says so when there are no workspaces", async () => {
    renderWithApi(<WorkspacesPanel />, { [`GET ${LIST_PATH}`]: { status: 200, body: { data: [], nextCursor: null } } });
    expect(await screen.findByRole("heading", { name: "No workspaces yet" })).toBeTruthy();
  });
});
