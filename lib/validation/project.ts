import { z } from "zod";

// Every length limit says its number in the message, so a caller over it knows how far to cut.
export const PROJECT_ID_MAX = 100;

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
