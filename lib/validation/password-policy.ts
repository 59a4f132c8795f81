/** One bar for ADMIN_PASSWORD, the CLI and any later password form (browser-safe: no imports). */
export const PASSWORD_MIN_LENGTH = 12;
