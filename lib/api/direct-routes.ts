import "server-only";
import { publishBatchHandler, publishEventHandler } from "./handlers/events";
import { handleWorksectionAdmin } from "./worksection/handle-admin-v2";

// The hot API operations that scripts/serve.ts answers itself, before Next's request pipeline: a
// host publishing events pays for a Fetch Request and the same handler (auth, Zod, errors) and not
// for a page-router render path. The same handlers stay exported as Next routes, so `npm run dev`
// and a plain `next start` answer identically, only slower. Worksection's admin API is here too:
// its clients call `/api/admin/v2/?action=...`, and Next answers that trailing slash with a 308
// redirect (which curl does not follow without -L) before any route runs. Registered on globalThis
// by instrumentation.ts (Next's bundle, where server-only code loads) for serve.ts to find.

export type TDirectHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: Record<string, TDirectHandler> = {
  "POST /api/v1/events": publishEventHandler,
  "POST /api/v1/events/batch": publishBatchHandler,
  "GET /api/admin/v2": handleWorksectionAdmin,
  "POST /api/admin/v2": handleWorksectionAdmin,
};

/** The handler serve.ts should call for this method and path, if it is one of ours. */
export function directRoute(method: string, pathname: string): TDirectHandler | undefined {
  return ROUTES[`${method} ${pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname}`];
}

export type TDirectRouteHolder = typeof globalThis & { __hooklineDirectRoute?: typeof directRoute };

export function registerDirectRoutes(): void {
  (globalThis as TDirectRouteHolder).__hooklineDirectRoute = directRoute;
}
