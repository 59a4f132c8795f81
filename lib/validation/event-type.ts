import { z } from "zod";

// Every length limit says its number in the message, so a caller over it knows how far to cut.
export const EVENT_NAME_MAX = 100;

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

export const ZEventType = z.object({
  name: z.string(),
  description: z.string(),
  group: z.string(),
  isCustom: z.boolean().describe("Registered by this workspace (POST /event-types), not one of the built-in catalog"),
});
export type TEventType = z.infer<typeof ZEventType>;
