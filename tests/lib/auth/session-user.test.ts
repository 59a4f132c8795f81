import { describe, expect, it } from "vitest";
import { endSessions, sessionUser } from "@/lib/auth/session-user";
import { createUser } from "@/lib/server/users/create-user";
import { freshDatabasePerTest, TEST_DATABASES } from "../../helpers/databases";

describe.each(TEST_DATABASES)("session versions on $name", (backend) => {
  freshDatabasePerTest(backend);

  it("a token is the user's only while its version is the user's", async () => {
    const user = await createUser({ email: "v@example.com", password: "a-long-enough-password" });
    expect(await sessionUser({ uid: user.id, sv: 0 })).toMatchObject({ id: user.id, email: "v@example.com", sessionVersion: 0 });
    for (const token of [
      null,
      {},
      { uid: user.id },
      { uid: user.id, sv: "0" },
      { uid: user.id, sv: 1 },
      { uid: "00000000-0000-4000-8000-000000000000", sv: 0 },
    ]) {
      expect(await sessionUser(token), JSON.stringify(token)).toBeNull();
    }
    await endSessions(user.id);
    expect(await sessionUser({ uid: user.id, sv: 0 })).toBeNull();
    expect(await sessionUser({ uid: user.id, sv: 1 })).not.toBeNull();
  });

  it("ending from a stale version changes nothing", async () => {
    const user = await createUser({ email: "w@example.com", password: "a-long-enough-password" });
    await endSessions(user.id, 0);
    await endSessions(user.id, 0);
    expect(await sessionUser({ uid: user.id, sv: 1 })).not.toBeNull();
  });
});
