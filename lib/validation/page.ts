import { z } from "zod";

// The keyset-paged lists' shared query fields (workspaces, the audit log).

/** Rows per page: 1–100, 50 unless asked. */
export const ZPageLimit = z.coerce
  .number({ error: "limit must be a number" })
  .int({ error: "limit must be a whole number" })
  .min(1, { error: "limit must be at least 1" })
  .max(100, { error: "limit must be at most 100" })
  .default(50);

/** The nextCursor a previous page gave. */
export const ZPageCursor = z.string().max(200, { error: "cursor is at most 200 characters" }).describe("nextCursor of the previous page");
