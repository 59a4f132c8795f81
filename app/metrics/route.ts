// GET /metrics — Prometheus text for a bearer of HOOKLINE_METRICS_TOKEN (404 while it is unset)
import { metricsResponse } from "@/lib/api/metrics-endpoint";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return metricsResponse(request.headers.get("authorization"), getDb);
}
