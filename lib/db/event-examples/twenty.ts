import { model, object, type TEventModel } from "./model";

// Twenty (shared/seeds/003): "a webhook for a newly created person might send a payload like" the
// person below, which is the seed's own example, word for word. The other records follow its shape
// (a string id, camelCase fields, createdAt and createdBy). Keyed by the event name's first part.

const stamps = { createdAt: "date-time", createdBy: "string" } as const;

export const TWENTY_MODELS: Record<string, TEventModel> = {
  person: model("Person", "A person record", { id: "string", firstName: "string", lastName: "string", email: "email?", ...stamps }, ["id"], {
    id: "abc12345",
    firstName: "Alice",
    lastName: "Doe",
    email: "alice@example.com",
    createdAt: "2025-02-10T15:30:45Z",
    createdBy: "user_123",
  }),
  company: model("Company", "A company record", { id: "string", name: "string", domainName: "string?", employees: "integer?", ...stamps }, ["id"], {
    id: "cmp67890",
    name: "Acme Inc.",
    domainName: "acme.example",
    employees: 120,
    createdAt: "2025-02-10T15:31:02Z",
    createdBy: "user_123",
  }),
  note: model("Note", "A note record", { id: "string", title: "string", body: "string?", ...stamps }, ["id"], {
    id: "not24680",
    title: "Call summary",
    body: "Renewal likely in March.",
    createdAt: "2025-02-10T15:40:00Z",
    createdBy: "user_123",
  }),
  task: model(
    "Task",
    "A task record",
    {
      id: "string",
      title: "string",
      body: "string?",
      dueAt: "date-time?",
      status: { type: "string", enum: ["TODO", "IN_PROGRESS", "DONE"] },
      assigneeId: "string?",
      ...stamps,
    },
    ["id"],
    {
      id: "tsk13579",
      title: "Send the proposal",
      body: null,
      dueAt: "2025-02-14T17:00:00Z",
      status: "TODO",
      assigneeId: "user_123",
      createdAt: "2025-02-10T15:45:00Z",
      createdBy: "user_123",
    },
  ),
  opportunity: model(
    "Opportunity",
    "An opportunity record",
    {
      id: "string",
      name: "string",
      amount: object({ amountMicros: "integer", currencyCode: "string" }, ["amountMicros", "currencyCode"]),
      stage: "string",
      closeDate: "date-time?",
      companyId: "string?",
      ...stamps,
    },
    ["id"],
    {
      id: "opp11223",
      name: "Acme expansion",
      amount: { amountMicros: 25000000000, currencyCode: "USD" },
      stage: "PROPOSAL",
      closeDate: "2025-03-31T00:00:00Z",
      companyId: "cmp67890",
      createdAt: "2025-02-10T15:50:00Z",
      createdBy: "user_123",
    },
  ),
};
