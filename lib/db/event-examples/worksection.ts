import { model, nullable, object, type TEventModel } from "./model";

// Worksection (shared/seeds/004): its events are about tasks, comments and projects ("Launched when a
// user creates a new task"), and its API answers in snake_case with string ids ("id": "14" in the
// get_webhooks example). These are those three records as its API shapes them: a page link, the
// people from and to, and dates as "YYYY-MM-DD HH:MM". Keyed by what follows the first "_"
// (post_task, close_task → task).

const datetime = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?$" };
const userRef = object({ id: "string", email: "email", name: "string" }, ["id"]);
const from = { id: "120", email: "olena@acme.example", name: "Olena Shevchenko" };
const to = { id: "121", email: "ivan@acme.example", name: "Ivan Petrenko" };
const projectRef = object({ id: "string", name: "string", page: "string" }, ["id"]);
const project = { id: "333", name: "Website redesign", page: "/project/333/" };

export const WORKSECTION_MODELS: Record<string, TEventModel> = {
  task: model(
    "Task",
    "A task of a project (closed and reopened tasks change their status)",
    {
      id: "string",
      name: "string",
      page: "string",
      status: { type: "string", enum: ["active", "done"] },
      priority: "string",
      text: "string?",
      project: projectRef,
      user_from: userRef,
      user_to: nullable(userRef),
      date_added: datetime,
      date_end: { anyOf: [datetime, { type: "null" }] },
    },
    ["id", "name", "project"],
    {
      id: "4417",
      name: "Draft the new pricing page",
      page: "/project/333/4417/",
      status: "active",
      priority: "5",
      text: "Three plans, yearly billing first",
      project,
      user_from: from,
      user_to: to,
      date_added: "2026-03-02 09:15",
      date_end: "2026-03-13",
    },
  ),
  comment: model(
    "Comment",
    "A comment on a task",
    {
      id: "string",
      text: "string",
      task: object({ id: "string", name: "string", page: "string" }, ["id"]),
      project: projectRef,
      user_from: userRef,
      date_added: datetime,
    },
    ["id", "task"],
    {
      id: "90211",
      text: "First draft is in the shared folder.",
      task: { id: "4417", name: "Draft the new pricing page", page: "/project/333/4417/" },
      project,
      user_from: to,
      date_added: "2026-03-03 16:02",
    },
  ),
  project: model(
    "Project",
    "A project: its tasks, members and dates",
    {
      id: "string",
      name: "string",
      page: "string",
      status: { type: "string", enum: ["active", "pending", "archive"] },
      company: "string?",
      user_from: userRef,
      user_to: nullable(userRef),
      date_added: datetime,
      date_end: { anyOf: [datetime, { type: "null" }] },
    },
    ["id", "name"],
    {
      id: "333",
      name: "Website redesign",
      page: "/project/333/",
      status: "active",
      company: "Acme Inc.",
      user_from: from,
      user_to: to,
      date_added: "2026-02-20 11:00",
      date_end: "2026-05-29",
    },
  ),
};
