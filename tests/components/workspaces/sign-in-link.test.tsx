// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WorkspaceCard } from "@/components/workspaces/workspace-card";
import { cleanUpAfterEach } from "../../helpers/query-harness";
import { ACME, ADA, apiError, renderWithApi, type TAnswer } from "./workspaces-harness";

cleanUpAfterEach();

const LINKS_PATH = `/workspaces/${ACME.id}/sign-in-links`;
const URL_ONCE = "https://hookline.example/signin/link#tok_9f8e7d6c5b4a";
const made = (): TAnswer => ({ status: 201, body: { url: URL_ONCE, expiresAt: new Date(Date.now() + 300_000).toISOString() } });

async function showMembers(answers: Record<string, TAnswer>) {
  const harness = renderWithApi(
    <ul>
      <WorkspaceCard workspace={ACME} />
    </ul>,
    { [`GET /workspaces/${ACME.id}/members`]: { status: 200, body: { data: [ADA] } }, ...answers },
  );
  await harness.user.click(screen.getByRole("button", { name: "Members" }));
  await screen.findByRole("list", { name: "Members of Acme" });
  return harness;
}

describe("Sign-in link", () => {
  it("for a typed email: shows the link once, with a copy button and when it expires; Done is the last of it", async () => {
    const { user, writes, reads } = await showMembers({ [`POST ${LINKS_PATH}`]: made() });
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    await user.type(screen.getByLabelText("Email"), "New.Person@Customer.example");
    await user.click(screen.getByRole("button", { name: "Sign-in link" }));

    const shown = await screen.findByTestId("sign-in-link");
    expect(shown.getAttribute("role")).toBe("status");
    expect(within(shown).getByLabelText("Sign-in link")).toHaveProperty("value", URL_ONCE);
    expect(shown.textContent).toContain("Sign-in link for new.person@customer.example. Copy it now: it is not shown again.");
    expect(shown.textContent).toMatch(/It works once and expires at .+ \(in 5 minutes\)\. Opening it signs them in to Acme as an admin/);
    expect(Date.parse(shown.querySelector("time")?.getAttribute("datetime") ?? "") - Date.now()).toBeGreaterThan(290_000);
    await user.click(within(shown).getByRole("button", { name: "Copy" }));
    expect(await navigator.clipboard.readText()).toBe(URL_ONCE);
    expect(writes()).toEqual([["POST", LINKS_PATH, { email: "new.person@customer.example", role: "admin" }]]);

    await user.click(within(shown).getByRole("button", { name: "Done" }));
    expect(screen.queryByTestId("sign-in-link")).toBeNull();
    expect(screen.queryByDisplayValue(URL_ONCE)).toBeNull();
    expect(document.body.innerHTML).not.toContain("tok_9f8e7d6c5b4a");
    // Nothing was read that could bring it back: the members once, no other GET.
    expect(reads(`/workspaces/${ACME.id}/members`)).toBe(1);
    expect(writes()).toHaveLength(1);
  });

  it("for a member's row: the member's email and role", async () => {
    const { user, writes } = await showMembers({ [`POST ${LINKS_PATH}`]: made() });
    await user.click(screen.getByRole("button", { name: "Sign-in link for ada@example.com" }));
    expect(within(await screen.findByTestId("sign-in-link")).getByLabelText("Sign-in link")).toHaveProperty("value", URL_ONCE);
    expect(writes()).toEqual([["POST", LINKS_PATH, { email: "ada@example.com", role: "admin" }]]);
  });

  it("a refusal shows under the email field, and no link", async () => {
    const refusal = "Enter a valid email address";
    const { user } = await showMembers({ [`POST ${LINKS_PATH}`]: apiError(400, "validation_failed", refusal, [{ path: "email", message: refusal }]) });
    await user.type(screen.getByLabelText("Email"), "x@y.example");
    await user.click(screen.getByRole("button", { name: "Sign-in link" }));
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("sign-in-link")).toBeNull();
  });
});
