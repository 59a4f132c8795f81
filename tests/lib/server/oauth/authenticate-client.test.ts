import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { authenticateClient, findClient } from "@/lib/server/oauth/authenticate-client";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("client authentication on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("a confidential client: only with its own secret; no secret, an empty or a wrong one is no client", async () => {
    const app = await createOAuthApp(ctx(), { name: "Server", redirectUris: [], scopes: ["webhooks:read"] }, null);
    const other = await createOAuthApp(ctx(), { name: "Other", redirectUris: [], scopes: ["webhooks:read"] }, null);
    expect(await authenticateClient(app.clientId, app.clientSecret)).toMatchObject({ id: app.id, clientType: "confidential" });
    for (const secret of [undefined, null, "", "hlcs_wrong", other.clientSecret, app.clientSecret.slice(0, -1)])
      expect(await authenticateClient(app.clientId, secret), String(secret)).toBeNull();
  });

  it("a public client: only without a secret (token_endpoint_auth_method none)", async () => {
    const app = await createOAuthApp(ctx(), { name: "CLI", clientType: "public", redirectUris: ["http://127.0.0.1/cb"], scopes: ["webhooks:read"] }, null);
    expect(app.clientSecret).toBeNull();
    expect(await authenticateClient(app.clientId, undefined)).toMatchObject({ id: app.id, clientType: "public", secretHash: null });
    expect(await authenticateClient(app.clientId, "")).toMatchObject({ id: app.id });
    expect(await authenticateClient(app.clientId, "hlcs_anything")).toBeNull();
  });

  it("unknown, missing or absurd client_ids are no client; findClient names a client without authenticating it", async () => {
    const app = await createOAuthApp(ctx(), { name: "Server", redirectUris: [], scopes: ["webhooks:read"] }, null);
    for (const id of ["hlc_unknown", "", undefined, 42, "x".repeat(500)]) expect(await authenticateClient(id, app.clientSecret), String(id)).toBeNull();
    expect(await findClient(app.clientId)).toMatchObject({ id: app.id, clientType: "confidential" });
    expect(await findClient("hlc_unknown")).toBeNull();
  });
});
