import type { TOperation } from "../define-operation";
import * as account from "./account";
import * as adminApiKey from "./admin-api-key";
import * as apiKeys from "./api-keys";
import * as auditLog from "./audit-log";
import * as deliveries from "./deliveries";
import * as eventTypes from "./event-types";
import * as events from "./events";
import * as live from "./live";
import * as oauthApps from "./oauth-apps";
import * as overview from "./overview";
import * as projects from "./projects";
import * as webhooks from "./webhooks";
import * as workspaces from "./workspaces";

/** Every operation of the admin API, in the document's order. */
export const ALL_OPERATIONS: TOperation[] = [
  overview,
  events,
  deliveries,
  webhooks,
  eventTypes,
  projects,
  apiKeys,
  adminApiKey,
  oauthApps,
  workspaces,
  account,
  auditLog,
  live,
].flatMap((group) => Object.values(group) as TOperation[]);
