// POST /api/v1/events/batch — publish a batch of events atomically (declared in lib/api/handlers/events.ts;
// scripts/serve.ts answers it before Next, this export serves it under `npm run dev`)
export { publishBatchHandler as POST } from "@/lib/api/handlers/events";
