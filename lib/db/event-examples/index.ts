import { EVENT_CATALOG, type TCatalogEvent } from "../event-catalog";
import { HOOKLINE_MODELS } from "./hookline";
import type { TEventModel } from "./model";
import { TEAMWORK_CRM_MODELS } from "./teamwork-crm";
import { TEAMWORK_SPACES_MODELS } from "./teamwork-spaces";
import { TWENTY_MODELS } from "./twenty";
import { WORKSECTION_MODELS } from "./worksection";

export type { TEventModel, TJsonSchema } from "./model";

/** Which model an event of each group carries, found from its name. */
const BY_GROUP: Record<string, { models: Record<string, TEventModel>; key: (name: string) => string }> = {
  "Teamwork CRM": { models: TEAMWORK_CRM_MODELS, key: (n) => n.split(".")[0] as string },
  "Teamwork Spaces": { models: TEAMWORK_SPACES_MODELS, key: (n) => n.split(".")[0] as string },
  Worksection: { models: WORKSECTION_MODELS, key: (n) => n.slice(n.indexOf("_") + 1) },
  Twenty: { models: TWENTY_MODELS, key: (n) => n.split(".")[0] as string },
  Hookline: { models: HOOKLINE_MODELS, key: (n) => n.replace(/^hookline\./, "") },
};

const CATALOG = new Map(EVENT_CATALOG.map((e) => [e.name, e]));

/** The schema and example of the built-in event type of this name; null for any other name. */
export function catalogModelOf(name: string): TEventModel | null {
  const event = CATALOG.get(name);
  return event ? catalogModel(event) : null;
}

/** The schema and example of a built-in event type (every one has both: tests/lib/db/event-examples). */
export function catalogModel(event: Pick<TCatalogEvent, "name" | "group">): TEventModel | null {
  const group = BY_GROUP[event.group];
  return group?.models[group.key(event.name)] ?? null;
}
