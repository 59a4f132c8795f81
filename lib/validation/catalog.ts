import { z } from "zod";

// Every length limit says its number in the message, so a caller over it knows how far to cut.
export const EVENT_NAME_MAX = 100;
export const PROJECT_ID_MAX = 100;

export const ZEventTypeCreate = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { error: "Enter an event name" })
      .max(EVENT_NAME_MAX, { error: `Event name must be at most ${EVENT_NAME_MAX} characters` })
      .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: "Use letters, digits, dots, dashes and underscores, such as deals.created" })
      .refine((n) => n !== "ping" && n !== "*", { error: "This name is reserved" }),
    description: z.string().trim().min(1, { error: "Describe when the event happens" }).max(500, { error: "Description must be at most 500 characters" }),
    group: z.string().trim().min(1, { error: "Enter a group" }).max(60, { error: "Group must be at most 60 characters" }),
  })
  .strict();
export type TEventTypeCreate = z.input<typeof ZEventTypeCreate>;

export const ZEventType = z.object({ name: z.string(), description: z.string(), group: z.string() });
export type TEventType = z.infer<typeof ZEventType>;

const ZProjectName = z.string().trim().min(1, { error: "Enter a name" }).max(200, { error: "Name must be at most 200 characters" });

/** A host's project id, as the API and published events carry it. */
export const ZProjectIdValue = z
  .string()
  .trim()
  .min(1, { error: "Enter the project's id" })
  .max(PROJECT_ID_MAX, { error: `Project id must be at most ${PROJECT_ID_MAX} characters` })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: "Use letters, digits, dots, colons, dashes and underscores" });

export const ZProjectCreate = z
  .object({
    id: ZProjectIdValue,
    name: ZProjectName.optional(),
  })
  .strict();
export const ZProjectRename = z.object({ name: ZProjectName }).strict();
export const ZProjectId = z.object({
  id: z
    .string()
    .min(1, { error: "Enter the project's id" })
    .max(PROJECT_ID_MAX, { error: `Project id must be at most ${PROJECT_ID_MAX} characters` }),
});
export const ZProject = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type TProject = z.infer<typeof ZProject>;

export const ZApiKeyCreate = z
  .object({ name: z.string().trim().min(1, { error: "Name the key" }).max(100, { error: "Name must be at most 100 characters" }) })
  .strict();
export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;
export const ZApiKeyCreated = ZApiKey.extend({ key: z.string().describe("Shown once; only its hash is stored") });
export const ZApiKeyId = z.object({ id: z.uuid({ error: "Not an API key id" }) });
