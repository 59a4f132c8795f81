import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decodeSecretKey } from "./config/env-schema";
import { env } from "./env";

export type TInstanceSecrets = { authSecret: string; encryptionKey: Buffer };

export const SECRETS_FILE_NAME = "secrets.json";

// Embedded mode needs no setup: the session-signing secret and the at-rest encryption key are made
// once into the data directory (0600) unless the env gives them. With DATABASE_URL the env must
// (lib/config/env-schema.ts), as every app process must share them.
function readOrCreateFile(dataDir: string): { authSecret: string; encryptionKey: string } {
  const file = path.join(dataDir, SECRETS_FILE_NAME);
  const fresh = { authSecret: randomBytes(32).toString("base64url"), encryptionKey: randomBytes(32).toString("hex") };
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const damaged = () => new Error(`${file} is damaged: restore it from a backup (secrets encrypted with it cannot be read without it)`);
  let stored: Partial<typeof fresh>;
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<typeof fresh>;
  } catch {
    throw damaged();
  }
  if (!stored?.authSecret || !stored.encryptionKey || !decodeSecretKey(stored.encryptionKey)) throw damaged();
  return { authSecret: stored.authSecret, encryptionKey: stored.encryptionKey };
}

let cached: TInstanceSecrets | undefined;

export function instanceSecrets(): TInstanceSecrets {
  if (cached) return cached;
  const e = env();
  const fromEnvAuth = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  const fromEnvKey = e.HOOKLINE_SECRET_KEY ? decodeSecretKey(e.HOOKLINE_SECRET_KEY) : null;
  if (fromEnvAuth && fromEnvKey) {
    cached = { authSecret: fromEnvAuth, encryptionKey: fromEnvKey };
  } else {
    const file = readOrCreateFile(e.HOOKLINE_DATA_DIR);
    cached = {
      authSecret: fromEnvAuth ?? file.authSecret,
      encryptionKey: fromEnvKey ?? (decodeSecretKey(file.encryptionKey) as Buffer),
    };
  }
  return cached;
}
