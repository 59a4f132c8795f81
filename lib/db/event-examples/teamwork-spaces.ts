import { arrayOf, model, nullable, ref, type TEventModel } from "./model";

// Teamwork Spaces (shared/seeds/001, 002): "the request body will contain the same JSON model as
// described in our API documentations for the type. For example, the access.created event will contain
// the access model." As for Teamwork CRM, the seed names the models and not their fields: these are a
// wiki's records (a space, its pages, their comments and permissions, users, plugins). Keyed by the
// event name's first part (page.updated.moved → page).

const at = "2026-03-02T09:15:00Z";
const later = "2026-03-02T10:40:12Z";
const stamps = { createdAt: "date-time", updatedAt: "date-time" } as const;
const user = ref({ firstName: "string", lastName: "string" });
const author = { id: 21, firstName: "Sam", lastName: "Rivera" };
const space = { id: 4, title: "Engineering", code: "ENG" };
const spaceRef = ref({ title: "string", code: "string" });

export const TEAMWORK_SPACES_MODELS: Record<string, TEventModel> = {
  access: model(
    "Access request",
    "A user asking for access to a space or page",
    {
      id: "integer",
      space: spaceRef,
      page: nullable(ref({ title: "string" })),
      user,
      message: "string?",
      state: { type: "string", enum: ["pending", "approved", "denied"] },
      ...stamps,
    },
    ["id", "space", "user"],
    {
      id: 318,
      space,
      page: { id: 1250, title: "On-call handbook" },
      user: author,
      message: "Joining the on-call rota",
      state: "pending",
      createdAt: at,
      updatedAt: at,
    },
  ),
  comment: model(
    "Comment",
    "A comment on a page",
    { id: "integer", page: ref({ title: "string" }), body: "string", author: user, parentId: "integer?", ...stamps },
    ["id", "page"],
    {
      id: 7730,
      page: { id: 1250, title: "On-call handbook" },
      body: "The escalation numbers changed last week.",
      author,
      parentId: null,
      createdAt: at,
      updatedAt: later,
    },
  ),
  page: model(
    "Page",
    "A page of a space (moved, reverted, trashed and restored pages are pages too)",
    {
      id: "integer",
      title: "string",
      slug: "string",
      space: spaceRef,
      parentId: "integer?",
      version: "integer",
      state: { type: "string", enum: ["draft", "published", "trashed"] },
      author: user,
      ...stamps,
    },
    ["id", "title", "space"],
    {
      id: 1250,
      title: "On-call handbook",
      slug: "on-call-handbook",
      space,
      parentId: 1200,
      version: 14,
      state: "published",
      author,
      createdAt: at,
      updatedAt: later,
    },
  ),
  pagepermission: model(
    "Page permission",
    "Who may view or edit a page",
    {
      id: "integer",
      page: ref({ title: "string" }),
      user: nullable(user),
      groupId: "integer?",
      permission: { type: "string", enum: ["view", "edit", "manage"] },
      createdAt: "date-time",
    },
    ["id", "page", "permission"],
    { id: 5521, page: { id: 1250, title: "On-call handbook" }, user: author, groupId: null, permission: "edit", createdAt: at },
  ),
  pagepermissions: model(
    "Page permissions",
    "Every permission of a page, removed at once",
    { page: ref({ title: "string" }), permissionIds: arrayOf("integer") },
    ["page", "permissionIds"],
    { page: { id: 1250, title: "On-call handbook" }, permissionIds: [5521, 5522, 5530] },
  ),
  pluginstate: model(
    "Plugin state",
    "Whether a plugin is on, and its settings",
    { id: "integer", plugin: "string", isEnabled: "boolean", settings: { type: "object" }, ...stamps },
    ["id", "plugin"],
    { id: 9, plugin: "diagrams", isEnabled: true, settings: { theme: "light" }, createdAt: at, updatedAt: later },
  ),
  space: model(
    "Space",
    "A space: a tree of pages with its own members",
    { id: "integer", title: "string", code: "string", description: "string?", importedFrom: "string?", ...stamps },
    ["id", "title"],
    { id: 4, title: "Engineering", code: "ENG", description: "How we build and run things", importedFrom: "confluence", createdAt: at, updatedAt: later },
  ),
  user: model(
    "User",
    "A member of the Spaces installation",
    { id: "integer", firstName: "string", lastName: "string", email: "email", isEnabled: "boolean", isSiteAdmin: "boolean", ...stamps },
    ["id"],
    { id: 21, firstName: "Sam", lastName: "Rivera", email: "sam@acme.example", isEnabled: true, isSiteAdmin: false, createdAt: at, updatedAt: later },
  ),
};
