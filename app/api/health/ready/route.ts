// GET /api/health/ready — readiness for load balancers: 200 once the migrations are applied and the
// database answers, 503 (with Retry-After) before and whenever it does not. /api/health is liveness.
import { readiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const state = await readiness();
  if (state.isReady) return Response.json({ ready: true });
  return Response.json({ ready: false, reason: state.reason }, { status: 503, headers: { "Retry-After": "5" } });
}
