import { defineOperation } from "../define-operation";

export const liveUpdatesOperation = defineOperation({
  method: "GET",
  path: "/live",
  tag: "Live updates",
  scopes: ["deliveries:read", "webhooks:read"],
  summary: "What changes in the workspace, as it happens (Server-Sent Events; the admin screens re-read what changed)",
  responses: [
    {
      status: 200,
      description:
        'An event stream that stays open: a `data:` line `{"topics":["deliveries","webhooks"]}` whenever deliveries or webhooks of the workspace change (at most one a second), and a comment line every 25 s. It names what changed, never the data: read that through the other operations.',
      contentType: "text/event-stream",
      schema: { type: "string" },
    },
  ],
  errors: [401, 403],
});
