import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { isSingleConnection, markSingleConnection } from "@/lib/db/single-connection";
import { processGlobals } from "@/lib/process-globals";
import { TEST_DATABASES } from "../../helpers/databases";

describe("isSingleConnection", () => {
  it("knows a marked client, in every copy of the module (one registry per process)", () => {
    const client = {} as PrismaClient;
    expect(isSingleConnection(client)).toBe(false);
    markSingleConnection(client);
    expect(isSingleConnection(client)).toBe(true);
    expect(processGlobals().singleConnection?.has(client)).toBe(true);
  });

  it.each(TEST_DATABASES)("an opened $name database is single-connection exactly when it is the embedded one", async (backend) => {
    const db = await backend.open();
    try {
      expect(isSingleConnection(db.prisma)).toBe(backend.name === "pglite");
    } finally {
      await db.close();
    }
  });
});
