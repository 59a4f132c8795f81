import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./password-policy";

// Shared by the sign-in form, the credentials provider and the CLI.

export const ZEmail = z
  .email({ error: "Enter a valid email address" })
  .max(254, { error: "Email must be at most 254 characters" })
  .transform((e) => e.toLowerCase());

export const ZSignIn = z.object({
  email: z.string().trim().pipe(ZEmail),
  // No length rule here: a sign-in must not reveal the password policy's details of an account.
  password: z.string().min(1, { error: "Enter your password" }).max(256, { error: "Password must be at most 256 characters" }),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZRole = z.enum(["ADMIN", "MEMBER"]);
export type TRole = z.infer<typeof ZRole>;

export const ZUserCreate = z
  .object({
    email: z.string().trim().pipe(ZEmail),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
      .max(256, { error: "Password must be at most 256 characters" }),
    name: z.string().trim().max(100, { error: "Name must be at most 100 characters" }).optional(),
    role: ZRole.default("MEMBER"),
  })
  .strict();
export type TUserCreate = z.input<typeof ZUserCreate>;

/** Settings → Account: a signed-in user's own new password, given their current one. */
export const ZPasswordChange = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password" }).max(256, { error: "Password must be at most 256 characters" }),
    newPassword: ZUserCreate.shape.password,
  })
  .strict()
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], error: "Choose a password other than the current one" });
export type TPasswordChange = z.input<typeof ZPasswordChange>;

/** Your own settings (Settings → Account, PATCH /account). */
export const ZAccountUpdate = z
  .object({
    notifyByEmail: z.boolean({ error: "notifyByEmail must be true or false" }).describe("Email me when a webhook of a workspace I administer breaks"),
  })
  .strict();
export type TAccountUpdate = z.input<typeof ZAccountUpdate>;
export const ZAccount = z.object({
  email: z.string(),
  notifyByEmail: z.boolean(),
  isEmailOn: z.boolean().describe("Whether this installation sends email at all (SMTP_URL is set)"),
});
export type TAccount = z.infer<typeof ZAccount>;
