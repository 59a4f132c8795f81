import { describe, expect, it } from "vitest";
import { defaultWorkspaceContext } from "@/lib/db/workspace-context";
import { clientForAdmin, describeAuthorization } from "@/lib/server/oauth/describe-authorization";
import { createOAuthApp } from "@/lib/server/oauth/oauth-apps";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createMember, createOtherWorkspace, otherCtx } from "../../../helpers/workspace";

describe.each(TEST_DATABASES)("describeAuthorization on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  const ctx = () => defaultWorkspaceContext(db().prisma);

  it("names the application, its workspace and the scopes it would get; explains a bad client or redirect URI; sends other errors back", async () => {
    const admin = await createMember(db().prisma, "a@example.com", "ADMIN");
    const app = await createOAuthApp(ctx(), { name: "Reports", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:write", "deliveries:read"] }, null);
    const query = {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "https://a.example/cb",
      state: "s",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    };
    expect(await describeAuthorization(query, admin.id)).toMatchObject({
      ok: true,
      appName: "Reports",
      workspaceName: "Default",
      scopes: ["webhooks:write", "deliveries:read"],
      redirectHost: "a.example",
    });
    expect(await describeAuthorization({ ...query, scope: "webhooks:read" }, admin.id)).toMatchObject({ ok: true, scopes: ["webhooks:read"] });
    // A revoked application is explained too: it gets no codes.
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: new Date(), revokedFor: "creator_not_admin" } });
    expect(await describeAuthorization(query, admin.id)).toEqual({
      ok: false,
      message: "“Reports” is revoked: its creator is no longer an admin. An admin can restore it in Settings → OAuth apps.",
    });
    await db().prisma.oAuthApp.update({ where: { id: app.id }, data: { revokedAt: null, revokedFor: null } });
    // Unknown client or redirect URI: explained on the page, never followed.
    const shown: [Record<string, string | string[] | undefined>, string][] = [
      [{ ...query, client_id: "hlc_nope" }, "No application has this client_id"],
      [{ ...query, client_id: undefined }, "client_id is missing"],
      [{ ...query, redirect_uri: "https://evil.example/cb" }, "not registered"],
      [{ ...query, redirect_uri: ["https://a.example/cb", "https://evil.example/cb"] }, "redirect_uri is missing or repeated"],
      [{ ...query, client_id: [app.clientId, app.clientId] }, "client_id is missing or repeated"],
    ];
    for (const [q, message] of shown) {
      const view = await describeAuthorization(q, admin.id);
      expect(view).toEqual({ ok: false, message: expect.stringContaining(message) });
    }
    // Known client and redirect URI: the error goes back there, with the client's state.
    const sentBack: [Record<string, string | string[] | undefined>, string, string][] = [
      [{ ...query, scope: "administrative" }, "invalid_scope", "not registered for: administrative"],
      [{ ...query, state: undefined }, "invalid_request", "state is missing"],
      [{ ...query, code_challenge: undefined }, "invalid_request", "PKCE is required"],
      [{ ...query, code_challenge_method: "plain" }, "invalid_request", "S256"],
      [{ ...query, response_type: "token" }, "unsupported_response_type", "response_type must be code"],
      [{ ...query, scope: ["webhooks:read", "webhooks:write"] }, "invalid_request", "scope is repeated"],
    ];
    for (const [q, error, description] of sentBack) {
      const view = await describeAuthorization(q, admin.id);
      expect(view.ok).toBe(false);
      const to = new URL((view as { redirectTo: string }).redirectTo);
      expect(`${to.origin}${to.pathname}`, error).toBe("https://a.example/cb");
      expect(to.searchParams.get("error")).toBe(error);
      expect(to.searchParams.get("error_description")).toContain(description);
      expect(to.searchParams.get("state")).toBe(q.state === undefined ? null : "s");
    }
  });

  it("a public client's own scheme: the admin is told which app they go back to", async () => {
    const admin = await createMember(db().prisma, "a@example.com", "ADMIN");
    const app = await createOAuthApp(
      ctx(),
      { name: "CLI", clientType: "public", redirectUris: ["com.example.cli:/callback"], scopes: ["webhooks:read"] },
      null,
    );
    const view = await describeAuthorization(
      {
        response_type: "code",
        client_id: app.clientId,
        redirect_uri: "com.example.cli:/callback",
        state: "s",
        code_challenge: "c".repeat(43),
        code_challenge_method: "S256",
      },
      admin.id,
    );
    expect(view).toMatchObject({ ok: true, appName: "CLI", redirectHost: "com.example.cli" });
  });

  it("exists only for an admin of the application's workspace: a member, an admin elsewhere or an unknown user is told no application has the client_id", async () => {
    const prisma = db().prisma;
    const otherRef = await createOtherWorkspace(prisma);
    const admin = await createMember(prisma, "a@example.com", "ADMIN");
    const member = await createMember(prisma, "m@example.com", "MEMBER");
    const elsewhere = await createMember(prisma, "e@example.com", "ADMIN", { workspaceId: otherRef.id });
    const theirs = await createOAuthApp(
      otherCtx(prisma, otherRef),
      { name: "Theirs", redirectUris: ["https://a.example/cb"], scopes: ["webhooks:read"] },
      null,
    );
    const query = {
      response_type: "code",
      client_id: theirs.clientId,
      redirect_uri: "https://a.example/cb",
      state: "s",
      code_challenge: "c".repeat(43),
      code_challenge_method: "S256",
    };
    const none = { ok: false, message: expect.stringContaining("No application has this client_id") };
    for (const userId of [admin.id, member.id, "00000000-0000-4000-8000-000000000000"]) expect(await describeAuthorization(query, userId)).toEqual(none);
    expect(await clientForAdmin(admin.id, theirs.clientId)).toBeNull();
    expect(await describeAuthorization(query, elsewhere.id)).toMatchObject({ ok: true, appName: "Theirs", workspaceName: otherRef.name });
    expect(await clientForAdmin(elsewhere.id, theirs.clientId)).toMatchObject({ id: theirs.id, workspaceId: otherRef.id });
    // Made an admin of the other workspace too, the Default admin sees it; a member there still does not.
    await prisma.membership.create({ data: { workspaceId: otherRef.id, userId: member.id, role: "MEMBER" } });
    expect(await describeAuthorization(query, member.id)).toEqual(none);
    await prisma.membership.create({ data: { workspaceId: otherRef.id, userId: admin.id, role: "ADMIN" } });
    expect(await describeAuthorization(query, admin.id)).toMatchObject({ ok: true, workspaceName: otherRef.name });
  });
});
