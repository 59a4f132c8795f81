import "server-only";
import { processGlobals, type TDirectHandler, type TDirectRoute } from "../process-globals";
import { API_BASE, type TOperation } from "./define-operation";
import { publishBatchHandler, publishEventHandler } from "./handlers/events";
import { publishBatchOperation, publishEventOperation } from "./operations/events";
import { handleWorksectionAdmin } from "./worksection/handle-admin-v2";

// The hot API operations that scripts/serve.ts answers itself, before Next's request pipeline: a
// host publishing events pays for a Fetch Request and the same handler (auth, Zod, errors) and not
// for a page-router render path. The same handlers stay exported as Next routes, so `npm run dev`
// and a plain `next start` answer identically, only slower. Worksection's admin API is here too:
// its clients call `/api/admin/v2/?action=...`, and Next answers that trailing slash with a 308
// redirect (which curl does not follow without -L) before any route runs. Registered process-wide
// (lib/process-globals.ts) by instrumentation.ts (Next's bundle) for serve.ts to find.

/** The operations answered here, with their handlers: method and path come from the declarations. */
const OPERATIONS: [TOperation, TDirectHandler][] = [
  [publishEventOperation, publishEventHandler],
  [publishBatchOperation, publishBatchHandler],
];

const ROUTES = new Map<string, TDirectHandler>([
  ...OPERATIONS.map(([operation, handler]) => [`${operation.method} ${API_BASE}${operation.path}`, handler] as const),
  ["GET /api/admin/v2", handleWorksectionAdmin],
  ["POST /api/admin/v2", handleWorksectionAdmin],
]);

/** The handler serve.ts should call for this method and path, if it is one of ours. */
export const directRoute: TDirectRoute = (method, pathname) => ROUTES.get(`${method} ${pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname}`);

export function registerDirectRoutes(): void {
  processGlobals().directRoute = directRoute;
}
