import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";
import { securityMessages } from "@/lib/i18n/zh-CN/security";

const m = securityMessages;

/** One schema for the form (browser) and the action (server); the rules themselves need the username, so the server applies them. */
export const changePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, m.account.currentRequired)
    .max(PASSWORD_MAX_LENGTH * 2),
  newPassword: z
    .string()
    .min(1, m.password.required)
    .max(PASSWORD_MAX_LENGTH * 2),
  confirmPassword: z.string().max(PASSWORD_MAX_LENGTH * 2),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
