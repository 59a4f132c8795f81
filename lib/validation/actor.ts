import type { TScope } from "./scopes";

/**
 * Who is acting: a credential (API key, OAuth token), a signed-in user's session, or Hookline itself
 * (the CLI, the worker, boot). Carried in every workspace context (lib/db/workspace-context.ts).
 */
export type TActor =
  | { kind: "api_key"; apiKeyId: string; scopes: TScope[] }
  | { kind: "oauth"; tokenId: string; appId: string; scopes: TScope[] }
  | { kind: "session"; userId: string }
  | { kind: "system"; reason: string };
