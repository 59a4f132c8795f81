import "server-only";

import { parseEnv, type TEnv } from "./config/env-schema";

// The only reader of process.env (next-auth reads NEXTAUTH_URL itself). Parsed once per process:
// configuration does not change while the server runs.
let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
