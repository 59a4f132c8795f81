import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/server/keyset-cursor";

describe("keyset cursors", () => {
  it("carry a row's time and id there and back", () => {
    const at = new Date("2026-12-07T12:00:00.123Z");
    const id = "11111111-1111-4111-8111-111111111111";
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at, id });
  });

  it("refuse one this API did not give out, as a field error on cursor", () => {
    const forged = Buffer.from(JSON.stringify(["not a date", "x"])).toString("base64url");
    for (const bad of ["nonsense", forged, Buffer.from(JSON.stringify([new Date().toISOString(), "not-a-uuid"])).toString("base64url")])
      expect(() => decodeCursor(bad), bad).toThrow(
        expect.objectContaining({ kind: "invalid", issues: [{ path: "cursor", message: "cursor is not one this API gave out" }] }),
      );
  });
});
