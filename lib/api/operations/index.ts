import type { TOperation } from "../define-operation";
import * as apiKeys from "./api-keys";
import * as catalog from "./catalog";
import * as deliveries from "./deliveries";
import * as events from "./events";
import * as webhooks from "./webhooks";

/** Every operation of the admin API, in the document's order. */
export const ALL_OPERATIONS: TOperation[] = [events, deliveries, webhooks, catalog, apiKeys].flatMap((group) => Object.values(group) as TOperation[]);
