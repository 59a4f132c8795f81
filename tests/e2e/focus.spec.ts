import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { signIn, signInOk } from "./helpers";

// Focus goes where the admin needs to look next, never back to the top of the page.

const focused = (page: Page) => page.locator(":focus");
/** The text of the element the focused control names with aria-describedby. */
const describedBy = (page: Page) =>
  page.evaluate(() => {
    const ids = document.activeElement?.getAttribute("aria-describedby") ?? "";
    return ids
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
  });

test("sign-in: an empty form focuses the email field, a wrong password focuses the error", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(focused(page)).toHaveAttribute("name", "email");
  expect(await describedBy(page)).toMatch(/email/i);
  await signIn(page, E2E.admin.email, "not-the-password-at-all");
  await expect(focused(page)).toHaveAttribute("role", "alert");
  await expect(focused(page)).toContainText("Wrong email or password.");
});

test("webhook form: errors focus the first invalid field; Create focuses the result; Delete focuses the next row", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(focused(page)).toHaveAttribute("name", "url");
  expect(await describedBy(page)).toMatch(/URL/i);

  await page.getByLabel("URL", { exact: true }).fill("http://127.0.0.1:9/focus-first");
  await page.getByRole("button", { name: "Create webhook" }).click();
  // No event picked: focus lands inside the events group, whose message names the problem.
  await expect(page.locator("fieldset[data-invalid=true]").first().locator(":focus")).toHaveCount(1);

  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await expect(focused(page)).toHaveText("Webhook created");

  // A second one, so that deleting the first leaves a row to land on.
  await page.goto("/settings/webhooks/new");
  await page.getByLabel("URL", { exact: true }).fill("http://127.0.0.1:9/focus-second");
  await page.getByRole("checkbox", { name: "All events, including event types added later" }).check();
  await page.getByRole("button", { name: "Create webhook" }).click();
  await page.getByRole("link", { name: "Done" }).click();
  await page.getByRole("button", { name: "Delete http://127.0.0.1:9/focus-second" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("webhook-row").filter({ hasText: "focus-second" })).toHaveCount(0);
  await expect(focused(page)).toHaveAttribute("data-row-link");
});
