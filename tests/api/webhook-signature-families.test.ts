import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as getOne, PATCH as patchOne } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testSaved } from "@/app/api/v1/webhooks/[id]/test/route";
import { POST as create } from "@/app/api/v1/webhooks/route";
import { POST as testUnsaved } from "@/app/api/v1/webhooks/test/route";
import { freshDatabasePerTest, TEST_DATABASES } from "../helpers/databases";
import { startReceiver } from "../helpers/receiver";
import { adminKey, call } from "../helpers/routes";

const ALL = ["teamwork", "standard-webhooks", "twenty"];
const hasTwenty = (h: Record<string, unknown> = {}) => "x-twenty-webhook-signature" in h;

describe.each(TEST_DATABASES)("signature families over the API on $name", (backend) => {
  const db = freshDatabasePerTest(backend);
  let key: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    key = await adminKey();
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  const createOne = (body: Record<string, unknown> = {}) =>
    call(create, { method: "POST", key, body: { url: `${receiver.url}/hook`, events: ["deals.created"], ...body } });

  it("all three by default; a chosen set is stored, returned and changed by PATCH", async () => {
    expect((await createOne()).json.signatureFamilies).toEqual(ALL);
    const { json } = await createOne({ signatureFamilies: ["twenty", "teamwork"] });
    expect(json.signatureFamilies).toEqual(["teamwork", "twenty"]);
    const patched = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { signatureFamilies: ["standard-webhooks"] } });
    expect(patched.json.signatureFamilies).toEqual(["standard-webhooks"]);
    // A PATCH without the field keeps the choice.
    await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { description: "x" } });
    expect((await call(getOne, { key, params: { id: json.id } })).json.signatureFamilies).toEqual(["standard-webhooks"]);
  });

  it("400 naming signatureFamilies for none or an unknown family, and nothing changes", async () => {
    for (const signatureFamilies of [[], ["hmac"], "twenty", null]) {
      const res = await createOne({ signatureFamilies });
      expect(res.status, JSON.stringify(signatureFamilies)).toBe(400);
      expect(res.json.error.issues.map((i: { path: string }) => i.path.split(".")[0])).toContain("signatureFamilies");
    }
    expect(await db().prisma.webhook.count()).toBe(0);
    const { json } = await createOne({ signatureFamilies: ["twenty"] });
    const bad = await call(patchOne, { method: "PATCH", key, params: { id: json.id }, body: { signatureFamilies: [], description: "changed" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: { path: string }) => i.path)).toContain("signatureFamilies");
    expect((await call(getOne, { key, params: { id: json.id } })).json).toMatchObject({ signatureFamilies: ["twenty"], description: "" });
  });

  it("Test signs with the saved families, or with the form's unsaved choice", async () => {
    const { json } = await createOne({ signatureFamilies: ["teamwork"] });
    await call(testSaved, { method: "POST", key, params: { id: json.id }, body: {} });
    const saved = receiver.received.at(-1)?.headers;
    expect(saved?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(hasTwenty(saved)).toBe(false);
    expect(saved).not.toHaveProperty("webhook-signature");

    await call(testSaved, { method: "POST", key, params: { id: json.id }, body: { signatureFamilies: ["twenty"] } });
    const edited = receiver.received.at(-1)?.headers;
    expect(hasTwenty(edited)).toBe(true);
    expect(edited).not.toHaveProperty("signature");

    await call(testUnsaved, { method: "POST", key, body: { url: `${receiver.url}/new`, signatureFamilies: ["standard-webhooks"] } });
    const unsaved = receiver.received.at(-1)?.headers;
    expect(unsaved).toHaveProperty("webhook-signature");
    expect(hasTwenty(unsaved)).toBe(false);
    expect(unsaved).not.toHaveProperty("signature");

    const bad = await call(testUnsaved, { method: "POST", key, body: { url: `${receiver.url}/new`, signatureFamilies: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("signatureFamilies");
  });
});
