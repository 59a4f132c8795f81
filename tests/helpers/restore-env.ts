/**
 * Puts process.env back to `saved` in place. Test files share one process (vitest.config.ts), and
 * replacing process.env with a plain object would end Node's handling of TZ for every later file.
 */
export function restoreEnv(saved: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}
