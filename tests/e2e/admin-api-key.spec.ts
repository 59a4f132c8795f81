import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

const run = promisify(execFile);
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** Runs the card's curl example up to its add call (which names example.com): bash, md5sum and curl against this server. */
async function runListExample(page: Page): Promise<unknown> {
  const example = (await page.getByTestId("admin-key-example").textContent()) ?? "";
  const { stdout } = await run("bash", ["-c", example.split("# Add one")[0] ?? ""]);
  return JSON.parse(stdout);
}

test("the administrative key: created, revealed, regenerated after a confirmation, and its curl example works against this server", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  const card = page.getByRole("region", { name: "Administrative API key (Worksection-compatible)" });
  await expect(card).toBeVisible();
  const keyField = card.getByLabel("Administrative API key", { exact: true });

  // A fresh installation has none; the first one needs no confirmation (nothing is replaced).
  await expect(card.getByTestId("admin-key-state")).toContainText("No administrative key yet");
  await expect(card.getByTestId("admin-key-example")).toContainText("KEY='<administrative key>'");
  await card.getByRole("button", { name: "Create administrative key" }).click();
  const first = await keyField.inputValue();
  expect(first).toMatch(/^[0-9a-f]{32}$/);
  await expect(card.getByTestId("admin-key-state")).toContainText("Created");
  await expect(card.getByTestId("admin-key-example")).toContainText(`KEY='${first}'`);
  // The example signs with the trailing-slash URL Worksection's clients use.
  expect(await runListExample(page)).toEqual({ status: "ok", data: [] });
  // And without the slash; a wrong hash is Worksection's error 2 with 401.
  const noSlash = await page.request.get(`/api/admin/v2?action=get_webhooks&hash=${md5(`action=get_webhooks${first}`)}`);
  expect(noSlash.status()).toBe(200);
  const wrong = await page.request.get(`/api/admin/v2/?action=get_webhooks&hash=${md5("action=get_webhooks")}`);
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toEqual({ status: "error", status_code: 2, message: "Action hash is missed or invalid" });

  // Hidden, then revealed again from the server: the same key.
  await card.getByRole("button", { name: "Hide" }).click();
  await expect(keyField).toHaveCount(0);
  await card.getByRole("button", { name: "Reveal" }).click();
  await expect(keyField).toHaveValue(first);
  await screenshot(page, "admin-api-key-1280");

  // Regenerate asks first; Cancel keeps the key.
  await card.getByRole("button", { name: "Regenerate" }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate the administrative API key?" });
  await expect(dialog).toContainText("fail from their next call");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(keyField).toHaveValue(first);
  await card.getByRole("button", { name: "Regenerate" }).click();
  await dialog.getByRole("button", { name: "Regenerate" }).click();
  await expect(keyField).not.toHaveValue(first);
  const second = await keyField.inputValue();
  expect(second).toMatch(/^[0-9a-f]{32}$/);
  expect(await runListExample(page)).toEqual({ status: "ok", data: [] });
  const stale = await page.request.get(`/api/admin/v2/?action=get_webhooks&hash=${md5(`action=get_webhooks${first}`)}`);
  expect(stale.status()).toBe(401);
  // Never a Bearer key on the admin API.
  expect((await page.request.get("/api/v1/webhooks", { headers: { authorization: `Bearer ${second}`, cookie: "" } })).status()).toBe(401);
});

test("at phone width the card fits, with its example scrolling inside itself", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings/api-keys");
  const card = page.getByRole("region", { name: "Administrative API key (Worksection-compatible)" });
  const create = card.getByRole("button", { name: "Create administrative key" });
  if (await create.isVisible()) await create.click();
  else await card.getByRole("button", { name: "Reveal" }).click();
  await expect(card.getByLabel("Administrative API key", { exact: true })).toHaveValue(/^[0-9a-f]{32}$/);
  await expectNoHorizontalScroll(page);
  for (const name of ["Hide", "Regenerate"]) {
    const button = card.getByRole("button", { name });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, "admin-api-key-390");
});
