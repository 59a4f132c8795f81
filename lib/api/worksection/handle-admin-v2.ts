import "server-only";
import { maxBodyBytes } from "../../config/env-schema";
import { getDb } from "../../db";
import { workspaceContext } from "../../db/workspace-context";
import { env } from "../../env";
import { workspaceOfAdminHash } from "../../server/admin-api-key/verify-admin-hash";
import { runWorksectionAction } from "../../server/worksection/run-action";
import { toWorksectionResult, WorksectionError } from "../../server/worksection/worksection-error";
import type { TWorksectionResult } from "../../validation/worksection";
import { readWorksectionRequest } from "./read-worksection-request";
import { worksectionResponse } from "./worksection-response";

/**
 * Worksection's admin API (/api/admin/v2/?action=...): the administrative key's hash is checked
 * before anything else is looked at, then the action runs. Every answer is Worksection-shaped;
 * no input, however bad, gets a 500.
 */
export async function handleWorksectionAdmin(request: Request): Promise<Response> {
  let result: TWorksectionResult;
  try {
    const { params, signed, hash } = await readWorksectionRequest(request, maxBodyBytes(env()));
    const workspace = await workspaceOfAdminHash(signed, hash);
    if (!workspace) throw new WorksectionError("bad_hash");
    // The key is the workspace's own: the call acts there, as Worksection's key acts in its account.
    result = await runWorksectionAction(workspaceContext(await getDb(), workspace, { kind: "system", reason: "Worksection admin API key" }), params);
  } catch (error) {
    result = toWorksectionResult(error);
  }
  return worksectionResponse(result);
}
