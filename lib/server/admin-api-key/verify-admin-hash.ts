import "server-only";
import { randomBytes } from "node:crypto";
import { isHashMatch, worksectionHash } from "../../crypto/worksection-hash";
import { readAdminApiKey } from "./admin-api-key";

// Before any key exists a hash is still computed (with a key nobody has), so a call takes as long
// and is refused the same way whether or not the installation has made its key.
const NOBODYS_KEY = randomBytes(16).toString("hex");

/** Whether `hash` is md5(signed + the installation's administrative API key). */
export async function isValidAdminHash(signed: string, hash: string | null): Promise<boolean> {
  const key = await readAdminApiKey();
  return isHashMatch(hash, worksectionHash(signed, key ?? NOBODYS_KEY)) && key !== null;
}
