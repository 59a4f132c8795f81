import "server-only";

/**
 * The workspace a browser session acts in, as the header's switcher set it. Only a preference: every
 * request checks that the user still belongs to it (lib/server/workspaces/memberships.ts), so a
 * forged value reaches nothing the user could not switch to themselves.
 */
export const WORKSPACE_COOKIE = "hookline-workspace";

/**
 * Which workspace a page was rendered for: the browser sends it on its API calls (lib/client/api-client.ts), so
 * a tab left open on workspace A keeps acting in A after another tab switched the session to B.
 */
export const WORKSPACE_HEADER = "x-hookline-workspace";

/** The same, as a query parameter, where a request cannot carry headers (the browser's EventSource). */
export const WORKSPACE_QUERY = "workspace";
