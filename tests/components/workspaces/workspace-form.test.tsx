// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { WorkspaceForm } from "@/components/workspaces/workspace-form";
import { WorkspacesPanel } from "@/components/workspaces/workspaces-panel";
import { cleanUpAfterEach } from "../../helpers/query-harness";
import { ACME, apiError, DEFAULT_WS, LIST_PATH, renderWithApi } from "./workspaces-harness";

cleanUpAfterEach();

const slugField = () => screen.getByLabelText("Slug (optional)");

describe("WorkspaceForm", () => {
  it("refuses a bad slug with the schema's message under the field, focuses it, and sends nothing", async () => {
    const { user, writes } = renderWithApi(<WorkspaceForm />, {});
    await user.type(screen.getByLabelText("Workspace name"), "Acme");
    await user.type(slugField(), "Acme Corp");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    const message = screen.getByText("Use lower-case letters, digits and dashes (not at either end)");
    expect(slugField().getAttribute("aria-invalid")).toBe("true");
    expect(slugField().getAttribute("aria-describedby")).toBe(message.id);
    expect(document.activeElement).toBe(slugField());
    expect(writes()).toEqual([]);
  });

  it("asks for a name before anything is sent", async () => {
    const { user, writes } = renderWithApi(<WorkspaceForm />, {});
    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    expect(screen.getByText("Enter the workspace's name")).toBeTruthy();
    expect(screen.getByLabelText("Workspace name").getAttribute("aria-invalid")).toBe("true");
    expect(writes()).toEqual([]);
  });

  it("shows the server's 409 (slug taken) under the slug field", async () => {
    const { user, writes } = renderWithApi(<WorkspaceForm />, { "POST /workspaces": apiError(409, "conflict", 'The slug "acme" is taken') });
    await user.type(screen.getByLabelText("Workspace name"), "Acme");
    await user.type(slugField(), "acme");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    const message = await screen.findByText('The slug "acme" is taken');
    expect(slugField().getAttribute("aria-describedby")).toBe(message.id);
    expect(writes()).toEqual([["POST", "/workspaces", { name: "Acme", slug: "acme" }]]);
  });

  it("puts a server issue under the field it names, and leaves an empty slug out of the body", async () => {
    const { user, writes } = renderWithApi(<WorkspaceForm />, {
      "POST /workspaces": apiError(400, "validation_failed", "taken", [{ path: "slug", message: 'Every slug from "acme" to "acme-50" is taken: choose one' }]),
    });
    await user.type(screen.getByLabelText("Workspace name"), "Acme");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    const message = await screen.findByText('Every slug from "acme" to "acme-50" is taken: choose one');
    expect(slugField().getAttribute("aria-describedby")).toBe(message.id);
    expect(writes()).toEqual([["POST", "/workspaces", { name: "Acme" }]]);
  });

  it("shows an error without issues as the form's alert", async () => {
    const { user } = renderWithApi(<WorkspaceForm />, { "POST /workspaces": apiError(403, "forbidden", "Only operators manage workspaces") });
    await user.type(screen.getByLabelText("Workspace name"), "Acme");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Only operators manage workspaces");
  });

  it("creates: says so, empties the form and re-reads the list", async () => {
    const { user, writes, reads } = renderWithApi(<WorkspacesPanel />, {
      [`GET ${LIST_PATH}`]: { status: 200, body: { data: [DEFAULT_WS], nextCursor: null } },
      "POST /workspaces": { status: 201, body: ACME },
    });
    await screen.findByRole("heading", { name: "Default" });
    await user.type(screen.getByLabelText("Workspace name"), "Acme");
    // The placeholder is the slug the server would make, so leaving it empty is a choice made knowingly.
    expect(slugField().getAttribute("placeholder")).toBe("acme");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    expect(await screen.findByText("Workspace “Acme” created (slug acme)")).toBeTruthy();
    expect(screen.getByLabelText("Workspace name")).toHaveProperty("value", "");
    expect(writes()).toEqual([["POST", "/workspaces", { name: "Acme" }]]);
    await vi.waitFor(() => expect(reads(LIST_PATH)).toBe(2));
  });
});
