import "server-only";
import { maxBodyBytes } from "../../config/env-schema";
import { getDb } from "../../db";
import { workspaceContext } from "../../db/workspace-context";
import { env } from "../../env";
import { requestClientAddress } from "../../http/client-address";
import { workspaceOfAdminHash } from "../../server/admin-api-key/verify-admin-hash";
import { runWorksectionAction } from "../../server/worksection/run-action";
import type { TWorksectionResult } from "../../validation/worksection";
import { beginCredentialCheck } from "../credential-throttle";
import { readWorksectionRequest } from "./read-worksection-request";
import { toWorksectionResult, WorksectionError } from "./worksection-error";
import { tooManyAttempts, worksectionResponse } from "./worksection-response";

/**
 * Worksection's admin API (/api/admin/v2/?action=...): the administrative key's hash is checked
 * before anything else is looked at, then the action runs. A hash names no key (every workspace's
 * is tried), so failed hashes are throttled per client address (lib/api/credential-throttle.ts).
 * Every answer is Worksection-shaped; no input, however bad, gets a 500.
 */
export async function handleWorksectionAdmin(request: Request): Promise<Response> {
  let result: TWorksectionResult;
  try {
    const { params, signed, hash } = await readWorksectionRequest(request, maxBodyBytes(env()));
    const check = await beginCredentialCheck(request);
    if (check.isLocked) return tooManyAttempts(check.retryAfterS);
    const workspace = await workspaceOfAdminHash(signed, hash);
    if (!workspace) {
      await check.failed();
      throw new WorksectionError("bad_hash");
    }
    // The key is the workspace's own: the call acts there, as Worksection's key acts in its account.
    const ctx = workspaceContext(await getDb(), workspace, { kind: "system", reason: "Worksection admin API key" }, requestClientAddress(request));
    result = { status: 200, body: await runWorksectionAction(ctx, params) };
  } catch (error) {
    result = toWorksectionResult(error);
  }
  return worksectionResponse(result);
}
