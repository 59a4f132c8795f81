import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../../playwright.config";
import { expectNoHorizontalScroll, expectTablesFit, recordCspViolations, screenshot, signInOk } from "./helpers";

// An OAuth client as a developer would write one: its callback is a real page on 127.0.0.1, the
// browser is sent to Hookline's consent page and back, and the code is exchanged over HTTP.
let server: http.Server;
let callback = "";

test.beforeAll(async () => {
  server = http.createServer((_req, res) => res.end("client callback"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  callback = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function registerApp(page: Page, name: string, clientType: "Confidential" | "Public" = "Confidential"): Promise<{ id: string; secret: string }> {
  await page.goto("/settings/oauth-apps");
  await page.getByLabel("Application name").fill(name);
  await page
    .getByRole("group", { name: "Client type" })
    .getByRole("radio", { name: new RegExp(`^${clientType}`) })
    .check();
  await page.getByRole("textbox", { name: "Redirect URIs" }).fill(callback);
  await page
    .getByRole("group", { name: /^Scopes/ })
    .getByRole("checkbox", { name: /webhooks:write/ })
    .check();
  await page.getByRole("button", { name: "Register application" }).click();
  const id = await page.getByLabel("Client ID").inputValue();
  expect(id).toMatch(/^hlc_/);
  if (clientType === "Public") {
    await expect(page.getByRole("textbox", { name: "Client secret" })).toHaveCount(0);
    return { id, secret: "" };
  }
  const secret = await page.getByRole("textbox", { name: "Client secret" }).inputValue();
  expect(secret).toMatch(/^hlcs_/);
  return { id, secret };
}

/** The discovery document as a client gets it under `host` (sent to 127.0.0.1: only the Host differs). */
function discoveryAt(baseURL: string, host: string): Promise<Record<string, unknown>> {
  const { port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/.well-known/oauth-authorization-server", headers: { host } }, (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      })
      .on("error", reject);
  });
}

function authorizeUrl(clientId: string, challenge: string, scope = "webhooks:read"): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: callback,
    scope,
    state: "st-1",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `/oauth/authorize?${q}`;
}

test("authorization code with PKCE: register, consent in the browser, exchange, use, see the token, revoke it", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const csp = await recordCspViolations(page);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const client = await registerApp(page, "Reporting dashboard");
  await screenshot(page, "oauth-apps-registered");

  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  await page.goto(authorizeUrl(client.id, challenge));
  await expect(page.getByRole("heading", { name: "Authorize Reporting dashboard" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Requested scopes" })).toContainText("webhooks:read");
  await expect(page.getByRole("list", { name: "Requested scopes" })).not.toContainText("webhooks:write");
  await screenshot(page, "oauth-consent");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "oauth-consent-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((url) => url.href.startsWith(callback));
  const back = new URL(page.url());
  expect(back.searchParams.get("state")).toBe("st-1");
  const code = String(back.searchParams.get("code"));

  const basic = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`;
  const tokenRes = await fetch(`${baseURL}/api/oauth/token`, {
    method: "POST",
    headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: callback, code_verifier: verifier }),
  });
  expect(tokenRes.status).toBe(200);
  const tokens = (await tokenRes.json()) as { access_token: string; refresh_token: string; scope: string };
  expect(tokens.scope).toBe("webhooks:read");
  const bearer = { authorization: `Bearer ${tokens.access_token}` };
  expect((await fetch(`${baseURL}/api/v1/webhooks`, { headers: bearer })).status).toBe(200);
  const refused = await fetch(`${baseURL}/api/v1/webhooks`, { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: "{}" });
  expect(refused.status).toBe(403);

  await page.goto("/settings/oauth-apps");
  const card = page.getByTestId("oauth-app").filter({ hasText: "Reporting dashboard" });
  const row = card.getByTestId("oauth-token-row");
  await expect(row).toContainText(E2E.admin.email);
  await expect(row).toContainText("webhooks:read");
  await expect(row).toContainText("just now");
  await screenshot(page, "oauth-apps-token");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expectTablesFit(page);
  await screenshot(page, "oauth-apps-390");
  await page.setViewportSize({ width: 1280, height: 800 });
  await row.getByRole("button", { name: /^Revoke token/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(card).toContainText("No live tokens");
  expect((await fetch(`${baseURL}/api/v1/webhooks`, { headers: bearer })).status).toBe(401);
  expect(csp).toEqual([]);
});

test("a public client: registered without a secret, gets tokens with its client_id and PKCE alone; a confidential client cannot", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  // A public client's redirect URIs are loopback or its own scheme: an https page is refused, naming the field.
  await page.goto("/settings/oauth-apps");
  await page.getByLabel("Application name").fill("Web page");
  await page.getByRole("radio", { name: /^Public/ }).check();
  await page.getByRole("textbox", { name: "Redirect URIs" }).fill("https://app.example.com/callback");
  await page.getByRole("checkbox", { name: /webhooks:read/ }).check();
  await page.getByRole("button", { name: "Register application" }).click();
  await expect(page.getByText("A public client can only use")).toBeVisible();
  await screenshot(page, "oauth-apps-public-refused");

  const client = await registerApp(page, "Command-line tool", "Public");
  await screenshot(page, "oauth-apps-public-registered");
  await expect(page.getByTestId("oauth-app").filter({ hasText: "Command-line tool" })).toContainText("Public client");

  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  await page.goto(authorizeUrl(client.id, challenge));
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((url) => url.href.startsWith(callback));
  const code = String(new URL(page.url()).searchParams.get("code"));
  const tokenRes = await fetch(`${baseURL}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: callback, code_verifier: verifier, client_id: client.id }),
  });
  expect(tokenRes.status).toBe(200);

  // A confidential client naming itself with the code and verifier but no secret gets nothing.
  const confidential = await registerApp(page, "Server app");
  const v2 = randomBytes(32).toString("base64url");
  await page.goto(authorizeUrl(confidential.id, createHash("sha256").update(v2).digest("base64url")));
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL((url) => url.href.startsWith(callback));
  const code2 = String(new URL(page.url()).searchParams.get("code"));
  const bare = await fetch(`${baseURL}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: code2, redirect_uri: callback, code_verifier: v2, client_id: confidential.id }),
  });
  expect(((await bare.json()) as { error: string }).error).toBe("invalid_client");

  // The discovery document offers "none" now, and names as issuer the origin it was fetched from.
  const doc = await discoveryAt(String(baseURL), `hooks.test:${new URL(String(baseURL)).port}`);
  expect(doc.issuer).toBe(`http://hooks.test:${new URL(String(baseURL)).port}`);
  expect(doc.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic", "client_secret_post", "none"]);
});

test("deny sends the application back with access_denied, as does a bad request; an unregistered redirect URI is explained, never followed", async ({
  page,
  baseURL,
}) => {
  await signInOk(page, E2E.admin.email, E2E.admin.password);
  const client = await registerApp(page, "Denied app");
  await page.goto(authorizeUrl(client.id, createHash("sha256").update("v".repeat(50)).digest("base64url")));
  await page.getByRole("button", { name: "Deny" }).click();
  await page.waitForURL((url) => url.href.startsWith(callback));
  expect(new URL(page.url()).searchParams.get("error")).toBe("access_denied");

  // A known client and redirect URI: the error goes back to the application (RFC 6749 §4.1.2.1).
  await page.goto(authorizeUrl(client.id, "short"));
  await page.waitForURL((url) => url.href.startsWith(callback));
  const back = new URL(page.url()).searchParams;
  expect([back.get("error"), back.get("state")]).toEqual(["invalid_request", "st-1"]);
  expect(back.get("error_description")).toContain("PKCE is required");
  await page.goto(authorizeUrl(client.id, "c".repeat(43), "administrative"));
  await page.waitForURL((url) => url.href.startsWith(callback));
  expect(new URL(page.url()).searchParams.get("error")).toBe("invalid_scope");

  await page.goto(authorizeUrl(client.id, "c".repeat(43)).replace(encodeURIComponent(callback), encodeURIComponent("https://evil.example/cb")));
  await expect(page.getByRole("heading", { name: "Cannot authorize this application" })).toBeVisible();
  await screenshot(page, "oauth-consent-refused");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "oauth-consent-refused-390-dark");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "oauth-consent-refused-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "oauth-consent-refused-390");
  await page.setViewportSize({ width: 1280, height: 800 });

  const meta = await fetch(`${baseURL}/.well-known/oauth-authorization-server`);
  expect(meta.status).toBe(200);
  expect(((await meta.json()) as { token_endpoint: string }).token_endpoint).toMatch(/\/api\/oauth\/token$/);
});

test("an anonymous visitor is sent to sign in and comes back to the consent page", async ({ page }) => {
  await page.goto(authorizeUrl("hlc_any", "c".repeat(43)));
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Email").fill(E2E.admin.email);
  await page.getByLabel("Password").fill(E2E.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/oauth\/authorize\?/);
  await expect(page.getByText("No application has this client_id")).toBeVisible();
});

test("an application whose creator is no longer an admin says so and gets no token; Restore takes it over and its client secret works again", async ({
  page,
  baseURL,
}) => {
  const { clientId, clientSecret } = JSON.parse(fs.readFileSync(E2E.formerAdmin.secretsFile, "utf8")) as { clientId: string; clientSecret: string };
  const clientCredentials = () =>
    fetch(`${baseURL}/api/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
  expect((await clientCredentials()).status).toBe(401);

  await signInOk(page, E2E.admin.email, E2E.admin.password);
  await page.goto("/settings/oauth-apps");
  const card = page.getByTestId("oauth-app").filter({ hasText: "Former admin's app" });
  await expect(card.getByTestId("oauth-app-state")).toContainText("Revoked: its creator is no longer an admin");
  await expect(card).toContainText(`Created by ${E2E.formerAdmin.email}`);
  await screenshot(page, "oauth-apps-creator-not-admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await card.getByRole("button", { name: "Restore Former admin's app" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore" }).click();
  await expect(card.getByTestId("oauth-app-state")).toHaveCount(0);
  await expect(card).toContainText(`Created by ${E2E.admin.email}`);
  await expect(card.getByRole("button", { name: "Restore Former admin's app" })).toHaveCount(0);
  expect((await clientCredentials()).status).toBe(200);
});
