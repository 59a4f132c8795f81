import { describe, expect, it } from "vitest";
import { SIGNATURE_FAMILIES, SIGNATURE_FAMILY_LABELS, ZSignatureFamilies } from "@/lib/validation/signature-family";

describe("ZSignatureFamilies", () => {
  it("keeps the chosen families in the list's order, without duplicates", () => {
    expect(ZSignatureFamilies.parse(["twenty", "teamwork", "twenty"])).toEqual(["teamwork", "twenty"]);
    expect(ZSignatureFamilies.parse([...SIGNATURE_FAMILIES].reverse())).toEqual([...SIGNATURE_FAMILIES]);
  });

  it("refuses none, an unknown family or a non-list, with a message", () => {
    for (const bad of [[], ["hmac"], "twenty", null]) {
      const result = ZSignatureFamilies.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/signature family/);
    }
  });

  it("labels every family with the headers it adds", () => {
    expect(Object.keys(SIGNATURE_FAMILY_LABELS).sort()).toEqual([...SIGNATURE_FAMILIES].sort());
    expect(SIGNATURE_FAMILY_LABELS.twenty.headers).toEqual(["X-Twenty-Webhook-Signature", "X-Twenty-Webhook-Timestamp", "X-Twenty-Webhook-Nonce"]);
  });
});
