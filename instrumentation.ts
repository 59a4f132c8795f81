// Next calls register() once when a server process starts (not during `next build`).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Before boot(): scripts/serve.ts starts listening once boot() reports ready, and from then on
  // answers the publish routes itself (lib/api/direct-routes.ts).
  const { registerDirectRoutes } = await import("./lib/api/direct-routes");
  registerDirectRoutes();
  const { boot } = await import("./lib/server/boot");
  await boot();
}
