import { expect, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { startReceiver } from "../helpers/receiver";
import { createApiKeyInBrowser, expectNoHorizontalScroll, screenshot, signInOk } from "./helpers";

// Being told: the admin's own email setting (this server runs without SMTP_URL, so the page says
// email is off), and Hookline's operational events in the events picker, ready to subscribe to.

test("Settings → Account: the email switch is saved and kept; without SMTP_URL the card says email is off", async ({ page }) => {
  await signInOk(page, E2E.account.email, E2E.account.password);
  await page.goto("/settings/account");
  const toggle = page.getByRole("switch", { name: "Email me when a webhook breaks" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("email-off")).toContainText("Email is off on this installation");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.reload();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await screenshot(page, "account-email-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "account-email-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
});

test("the events picker offers Hookline's own news, with what each means", async ({ page }) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/webhooks/new");
  const group = page.getByRole("group", { name: "Hookline" });
  await expect(group.getByText("hookline.webhook.disabled")).toBeVisible();
  await expect(group.getByText("A webhook was disabled by Hookline (failure limit or 410 Gone)")).toBeVisible();
  await expect(group.getByText("hookline.delivery.failed")).toBeVisible();
});

test("the recovery toggle: switched on in the form, and once Hookline disables the webhook its page shows the next probe", async ({ page, baseURL }) => {
  // Pings (the enable test) pass; events are answered 410 Gone, which disables at once.
  const receiver = await startReceiver((req, res) => {
    res.statusCode = req.headers.event === "ping" ? 200 : 410;
    res.end();
  });
  try {
    await signInOk(page, E2E.admin.email, E2E.admin.password);
    const key = await createApiKeyInBrowser(page, `recovery ${Date.now()}`);
    const api = (path: string, body: unknown) =>
      fetch(`${baseURL}/api/v1${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const hook = (await (await api("/webhooks", { url: `${receiver.url}/recover`, events: ["update_task"], description: "Recovers" })).json()) as {
      id: string;
    };
    await page.goto(`/settings/webhooks/${hook.id}/edit`);
    const toggle = page.getByRole("checkbox", { name: /Try to recover automatically/ });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    expect((await api(`/webhooks/${hook.id}/enable`, {})).status).toBe(200);
    await page.goto(`/settings/webhooks/${hook.id}`);
    await expect(page.getByTestId("webhook-recovery")).toHaveText("On: probes start if Hookline disables it");
    expect((await api("/events", { event: "update_task", data: { n: 1 } })).status).toBe(202);
    await expect(page.getByTestId("webhook-status")).toContainText("410", { timeout: 10_000 });
    await expect(page.getByTestId("webhook-recovery")).toContainText("Next probe");
    await screenshot(page, "webhook-recovery-1280");
    // Disabling it by hand stops the probes (it is already off: the switch's disable says so).
    const stopped = await fetch(`${baseURL}/api/v1/webhooks/${hook.id}/disable`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
    expect(stopped.status).toBe(200);
    await expect(page.getByTestId("webhook-recovery")).toHaveText("On: probes start if Hookline disables it");
    await fetch(`${baseURL}/api/v1/webhooks/${hook.id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
  } finally {
    await receiver.close();
  }
});
