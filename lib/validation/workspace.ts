import { z } from "zod";
import { ZPageCursor, ZPageLimit } from "./page";
import { ZEmail } from "./user";

/** The workspace every fresh install has, with a fixed id so that a single site never names it. */
export const DEFAULT_WORKSPACE_ID = "00000000-0000-4000-8000-000000000001";
export const DEFAULT_WORKSPACE_SLUG = "default";

export const WORKSPACE_SLUG_MAX = 63;
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** A string that is a workspace id rather than a slug (slugs may not look like UUIDs). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ZWorkspaceName = z
  .string({ error: "Enter the workspace's name" })
  .trim()
  .min(1, { error: "Enter the workspace's name" })
  .max(200, { error: "Name must be at most 200 characters" });

export const ZWorkspaceSlug = z
  .string({ error: "Enter a slug" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter a slug" })
  .max(WORKSPACE_SLUG_MAX, { error: `Slug must be at most ${WORKSPACE_SLUG_MAX} characters` })
  .regex(SLUG_PATTERN, { error: "Use lower-case letters, digits and dashes (not at either end)" })
  .refine((s) => !UUID_PATTERN.test(s), { error: "A slug cannot look like a workspace id (a UUID)" });

const ZLimit = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a whole number or null` })
    .int({ error: `${what} must be a whole number` })
    .min(1, { error: `${what} must be at least 1 (or null for no limit)` })
    .max(max, { error: `${what} must be at most ${max}` })
    .nullable();

export const ZWorkspaceCreate = z
  .object({
    name: ZWorkspaceName,
    slug: ZWorkspaceSlug.optional(),
    maxInFlight: ZLimit("maxInFlight", 10_000).optional(),
    rateLimitPerSecond: ZLimit("rateLimitPerSecond", 100_000).optional(),
  })
  .strict();
export type TWorkspaceCreate = z.input<typeof ZWorkspaceCreate>;

export const ZWorkspaceUpdate = ZWorkspaceCreate.partial().strict();
export type TWorkspaceUpdate = z.input<typeof ZWorkspaceUpdate>;

export const ZWorkspaceIdParam = z.object({
  id: z.string().trim().min(1, { error: "Name the workspace by id or slug" }).max(100, { error: "A workspace id or slug is at most 100 characters" }),
});

export const ZWorkspaceListQuery = z
  .object({
    cursor: ZPageCursor.optional(),
    limit: ZPageLimit,
  })
  .strict();

export const ZWorkspaceDeleteQuery = z
  .object({ force: z.enum(["true", "false"], { error: 'force is "true" or "false"' }).optional() })
  .strict()
  .transform((q) => ({ isForced: q.force === "true" }));

export const ZWorkspaceHealth = z.object({
  webhooks: z.object({ working: z.number().int(), failing: z.number().int(), disabled: z.number().int() }),
  succeeded: z.number().int().describe("Deliveries that succeeded in the last 24 hours"),
  failed: z.number().int().describe("Deliveries that failed for good in the last 24 hours"),
  due: z.number().int().describe("Pending deliveries of enabled webhooks, due now"),
});
export type TWorkspaceHealth = z.infer<typeof ZWorkspaceHealth>;

export const ZWorkspace = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  maxInFlight: z.number().nullable(),
  rateLimitPerSecond: z.number().nullable(),
  createdAt: z.string(),
  health: ZWorkspaceHealth.optional().describe("In the list only: how the workspace is doing (its webhooks, last 24 hours, due backlog)"),
});
export type TWorkspace = z.infer<typeof ZWorkspace>;

/** What a browser session shows of the workspaces its user belongs to (the header's switcher). */
export type TWorkspaceChoice = { id: string; slug: string; name: string; role: "ADMIN" | "MEMBER" };

/** A slug made from a name: "Acme Corp." → "acme-corp". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, WORKSPACE_SLUG_MAX - 7)
    .replace(/-+$/g, "");
  return slug || "workspace";
}

export const ZMemberRole = z
  .enum(["admin", "member"], { error: 'role is "admin" or "member"' })
  .transform((r): "ADMIN" | "MEMBER" => (r === "admin" ? "ADMIN" : "MEMBER"));

const ZPersonEmail = z.string({ error: "Enter the person's email" }).trim().pipe(ZEmail);

export const ZSignInLinkCreate = z
  .object({
    email: ZPersonEmail,
    name: z.string().trim().min(1, { error: "name cannot be empty" }).max(200, { error: "Name must be at most 200 characters" }).optional(),
    role: ZMemberRole,
    expiresIn: z
      .number({ error: "expiresIn is a number of seconds" })
      .int({ error: "expiresIn must be a whole number of seconds" })
      .min(60, { error: "expiresIn must be at least 60 seconds" })
      .max(3600, { error: "expiresIn must be at most 3600 seconds" })
      .default(300),
  })
  .strict();
export type TSignInLinkCreate = z.input<typeof ZSignInLinkCreate>;

export const ZMembershipAdd = z
  .object({
    email: ZPersonEmail,
    role: ZMemberRole,
  })
  .strict();

export const ZSignInLink = z.object({ url: z.string(), expiresAt: z.string() });
export const ZWorkspacePage = z.object({ data: z.array(ZWorkspace), nextCursor: z.string().nullable() });
export const ZSessionWorkspace = z.object({ workspace: z.string({ error: "Name the workspace by id or slug" }).trim().min(1).max(100) }).strict();

export const ZMember = z.object({
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["ADMIN", "MEMBER"]),
  isOperator: z.boolean(),
  createdAt: z.string(),
});
export type TMember = z.infer<typeof ZMember>;
export const ZMemberParams = ZWorkspaceIdParam.extend({
  email: z.string().trim().min(1, { error: "Name the member by email" }).max(254, { error: "Email must be at most 254 characters" }),
});
