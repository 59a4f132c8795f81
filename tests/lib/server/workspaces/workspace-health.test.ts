import { describe, expect, it } from "vitest";
import { workspaceHealth } from "@/lib/server/workspaces/workspace-health";
import { listWorkspaces } from "@/lib/server/workspaces/workspaces";
import { DEFAULT_WORKSPACE_ID } from "@/lib/validation/workspace";
import { freshDatabasePerTest, TEST_DATABASES } from "../../../helpers/databases";
import { createOtherWorkspace, installationCtx } from "../../../helpers/workspace";

const NOW = new Date("2026-11-24T12:30:00Z");

describe.each(TEST_DATABASES)("each workspace's health on $name", (backend) => {
  const db = freshDatabasePerTest(backend);

  it("counts each workspace's webhooks, last 24 hours and due backlog apart, zeros for a quiet one", async () => {
    const prisma = db().prisma;
    const other = await createOtherWorkspace(prisma);
    const quiet = await createOtherWorkspace(prisma, "quiet");
    const hook = (workspaceId: string, data: { enabled: boolean; consecutiveFailures?: number }) =>
      prisma.webhook.create({ data: { workspaceId, url: "http://127.0.0.1:9/h", events: ["*"], tokenCiphertext: "x", ...data } });
    const ok = await hook(DEFAULT_WORKSPACE_ID, { enabled: true });
    await hook(DEFAULT_WORKSPACE_ID, { enabled: true, consecutiveFailures: 2 });
    const off = await hook(DEFAULT_WORKSPACE_ID, { enabled: false });
    await hook(other.id, { enabled: false });
    const hour = (h: string) => new Date(`2026-11-${h}:00:00Z`);
    // In the window (from 13:00 yesterday) and just before it.
    await prisma.deliveryStat.createMany({
      data: [
        { workspaceId: DEFAULT_WORKSPACE_ID, hour: hour("24T12"), succeeded: 5, failed: 1, firstLatency: [] },
        { workspaceId: DEFAULT_WORKSPACE_ID, hour: hour("23T13"), succeeded: 2, failed: 0, firstLatency: [] },
        { workspaceId: DEFAULT_WORKSPACE_ID, hour: hour("23T12"), succeeded: 100, failed: 100, firstLatency: [] },
        { workspaceId: other.id, hour: hour("24T10"), succeeded: 3, failed: 3, firstLatency: [] },
      ],
    });
    const event = await prisma.event.create({ data: { type: "deals.created", payload: {} } });
    const due = new Date(NOW.getTime() - 60_000);
    await prisma.delivery.createMany({
      data: [
        { webhookId: ok.id, eventId: event.id, nextAttemptAt: due },
        { webhookId: ok.id, eventId: event.id, nextAttemptAt: new Date(NOW.getTime() + 60_000) }, // not due yet
        { webhookId: off.id, eventId: event.id, nextAttemptAt: due }, // parked
      ],
    });
    const health = await workspaceHealth(prisma, [DEFAULT_WORKSPACE_ID, other.id, quiet.id], NOW);
    expect(health.get(DEFAULT_WORKSPACE_ID)).toEqual({ webhooks: { working: 1, failing: 1, disabled: 1 }, succeeded: 7, failed: 1, due: 1 });
    expect(health.get(other.id)).toEqual({ webhooks: { working: 0, failing: 0, disabled: 1 }, succeeded: 3, failed: 3, due: 0 });
    expect(health.get(quiet.id)).toEqual({ webhooks: { working: 0, failing: 0, disabled: 0 }, succeeded: 0, failed: 0, due: 0 });
  });

  it("is part of each workspace in the operator's list", async () => {
    const page = await listWorkspaces(installationCtx(db().prisma), { limit: 10 });
    expect(page.data[0]?.health).toEqual({ webhooks: { working: 0, failing: 0, disabled: 0 }, succeeded: 0, failed: 0, due: 0 });
  });
});
