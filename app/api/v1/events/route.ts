// POST /api/v1/events — publish an event (declared in lib/api/handlers/events.ts; scripts/serve.ts
// answers it before Next, this export serves it under `npm run dev` and any other Next server)
export { publishEventHandler as POST } from "@/lib/api/handlers/events";
