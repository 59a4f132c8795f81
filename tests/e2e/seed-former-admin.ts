// Run by playwright.config.ts before the server starts (the CLI and this must open the embedded
// database while no server holds it): an admin who made an API key and an OAuth application and was
// then demoted, so Settings shows credentials revoked because their creator is no longer an admin.
// The key and the client secret go to a 0600 file (argv[3]) for the specs to call the API with.
//   npx tsx --conditions=react-server tests/e2e/seed-former-admin.ts <email> <secrets file>
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { closeDb, openDb } from "../../lib/db";
import { defaultWorkspaceContext } from "../../lib/db/workspace-context";
import { createApiKey } from "../../lib/server/api-keys/api-keys";
import { createOAuthApp } from "../../lib/server/oauth/oauth-apps";
import { createUser } from "../../lib/server/users/create-user";
import { setUserRole } from "../../lib/server/users/update-user";

async function main([email, secretsFile]: string[]): Promise<void> {
  if (!email || !secretsFile) throw new Error("usage: seed-former-admin.ts <email> <secrets file>");
  const ctx = defaultWorkspaceContext((await openDb()).prisma);
  const former = await createUser({ email, password: randomBytes(18).toString("base64url"), role: "ADMIN" });
  const { key } = await createApiKey(ctx, { name: "Former admin's key", scopes: ["webhooks:read"] }, former.id);
  const app = await createOAuthApp(ctx, { name: "Former admin's app", redirectUris: [], scopes: ["webhooks:read"] }, former.id);
  const { revoked } = await setUserRole(former.email, "MEMBER");
  if (revoked.apiKeys !== 1 || revoked.oauthApps !== 1) throw new Error(`expected one key and one application revoked, got ${JSON.stringify(revoked)}`);
  fs.writeFileSync(secretsFile, JSON.stringify({ key, clientId: app.clientId, clientSecret: app.clientSecret }), { mode: 0o600 });
}

main(process.argv.slice(2)).then(
  () => closeDb(),
  async (error: unknown) => {
    await closeDb().catch(() => {});
    console.error(error);
    process.exit(1);
  },
);
