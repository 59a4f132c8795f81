import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { ACCESS_TOKEN_LIFETIME_S, decideAuthorization } from "@/lib/server/oauth/oauth-server";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";

describe.each(TEST_DATABASES)("decideAuthorization on $name", (backend) => {
  const database = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(database().prisma);

  it("access tokens last 24 hours, as Worksection's", () => expect(ACCESS_TOKEN_LIFETIME_S).toBe(86_400));

  it("approve: the registered redirect URI with a code and the state; an unregistered one: an error, nothing to follow", async () => {
    const admin = await createUser({ email: "a@example.com", password: "admin-password-1", role: "ADMIN" });
    const app = await createOAuthApp(ctx(), { name: "R", redirectUris: ["https://a.example/cb?x=1"], scopes: ["administrative"] }, null);
    const params = {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "https://a.example/cb?x=1",
      state: "st",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    };
    const approved = await decideAuthorization(params, { id: admin.id }, true);
    const to = new URL((approved as { redirectTo: string }).redirectTo);
    expect(to.searchParams.get("x")).toBe("1");
    expect(to.searchParams.get("state")).toBe("st");
    expect(to.searchParams.get("code")).toMatch(/^hlac_/);
    expect(await decideAuthorization({ ...params, redirect_uri: "https://evil.example/cb" }, { id: admin.id }, true)).toMatchObject({
      error: "invalid_client",
    });
    const badScope = await decideAuthorization({ ...params, scope: "made:up" }, { id: admin.id }, true);
    const back = new URL((badScope as { redirectTo: string }).redirectTo);
    expect([back.searchParams.get("error"), back.searchParams.get("state"), back.searchParams.get("x")]).toEqual(["invalid_scope", "st", "1"]);
  });
});
