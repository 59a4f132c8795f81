// GET /api/health — liveness: this process is up and serving. It does not ask the database (a
// database outage is not cured by restarting the app): /api/health/ready does, for load balancers.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
