import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, expectTablesFit, screenshot, signInOk } from "./helpers";

test("a new key's banner shows the whole key and goes away when the key is revoked", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  const create = page.getByRole("button", { name: "Create key" });
  await create.click(); // no name: the field's error appears, and the focus goes to the field
  await expect(page.getByLabel("New key name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("New key name")).toBeFocused();

  await page.getByLabel("New key name").fill("banner test");
  await create.click();
  const key = await page.getByLabel("New API key").inputValue();
  await expect(page.getByText(`Authorization: Bearer ${key}`)).toBeVisible();
  await screenshot(page, "api-keys-new");

  const row = page.getByTestId("api-key-row").filter({ hasText: "banner test" });
  await row.getByRole("button", { name: "Revoke banner test" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  await expect(page.getByText(/Copy it now/)).toHaveCount(0);
});

test("at phone width each key is a card with its Revoke button on screen", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  await page.getByLabel("New key name").fill("phone key with a fairly long name");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("New API key")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expectNoHorizontalScroll(page);
  await expectTablesFit(page);
  const revoke = page.getByRole("button", { name: "Revoke phone key with a fairly long name" });
  await revoke.scrollIntoViewIfNeeded();
  await expect(revoke).toBeInViewport({ ratio: 1 });
  await screenshot(page, "api-keys-390");
});

test("a key gets the scopes picked for it: a publish-only key publishes but cannot list webhooks", async ({ page, baseURL }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  const scopes = page.getByRole("group", { name: /^Scopes/ });
  // A new key starts publish-only; with nothing picked the form says so and creates nothing.
  await expect(scopes.getByRole("checkbox", { name: /events:publish/ })).toBeChecked();
  await page.getByLabel("New key name").fill("scoped key");
  await scopes.getByRole("checkbox", { name: /events:publish/ }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(scopes).toContainText("Pick at least one scope");
  await expect(scopes.getByRole("checkbox").first()).toBeFocused();
  await scopes.getByRole("checkbox", { name: /events:publish/ }).check();
  await scopes.getByRole("checkbox", { name: /deliveries:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("New API key").inputValue();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "scoped key" })).toContainText("events:publish, deliveries:read");
  await screenshot(page, "api-keys-scopes");

  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const published = await fetch(`${baseURL}/api/v1/events`, { method: "POST", headers, body: JSON.stringify({ event: "post_task", data: { id: 1 } }) });
  expect(published.status).toBe(202);
  const listed = await fetch(`${baseURL}/api/v1/webhooks`, { headers });
  expect(listed.status).toBe(403);
  expect(((await listed.json()) as { error: { message: string } }).error.message).toContain("webhooks:read");
});

test("a key whose creator is no longer an admin says so; Restore takes it over and the same key works again", async ({ page, baseURL }) => {
  const { key } = JSON.parse(fs.readFileSync(E2E.formerAdmin.secretsFile, "utf8")) as { key: string };
  const headers = { authorization: `Bearer ${key}` };
  expect((await fetch(`${baseURL}/api/v1/webhooks`, { headers })).status).toBe(401);

  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/api-keys");
  const row = page.getByTestId("api-key-row").filter({ hasText: "Former admin's key" });
  await expect(row.getByTestId("api-key-state")).toHaveText("Revoked: its creator is no longer an admin");
  await expect(row).toContainText(`by ${E2E.formerAdmin.email}`);
  await screenshot(page, "api-keys-creator-not-admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expectTablesFit(page);
  const restore = row.getByRole("button", { name: "Restore Former admin's key" });
  await restore.scrollIntoViewIfNeeded();
  await expect(restore).toBeInViewport({ ratio: 1 });
  await page.setViewportSize({ width: 1280, height: 800 });

  await restore.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("you become its creator");
  await dialog.getByRole("button", { name: "Restore" }).click();
  await expect(row.getByTestId("api-key-state")).toHaveCount(0);
  await expect(row).toContainText(`by ${E2E.admin.email}`);
  await expect(row.getByRole("button", { name: "Revoke Former admin's key" })).toBeVisible();
  expect((await fetch(`${baseURL}/api/v1/webhooks`, { headers })).status).toBe(200);

  // An admin's own revocation is final: no Restore, and the API says why.
  await row.getByRole("button", { name: "Revoke Former admin's key" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row.getByTestId("api-key-state")).toHaveText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  expect((await fetch(`${baseURL}/api/v1/webhooks`, { headers })).status).toBe(401);
});
