-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "lastFailureErrorClass" TEXT,
ADD COLUMN     "lastFailureStatusCode" INTEGER;

-- CreateTable
CREATE TABLE "DeliveryStat" (
    "workspaceId" UUID NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "firstLatency" INTEGER[],

    CONSTRAINT "DeliveryStat_pkey" PRIMARY KEY ("workspaceId","hour")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "owner" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "inFlight" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("owner")
);

-- CreateIndex
CREATE INDEX "DeliveryStat_hour_idx" ON "DeliveryStat"("hour");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_seenAt_idx" ON "WorkerHeartbeat"("seenAt");

-- CreateIndex
CREATE INDEX "Event_workspaceId_occurredAt_idx" ON "Event"("workspaceId", "occurredAt");

-- AddForeignKey
ALTER TABLE "DeliveryStat" ADD CONSTRAINT "DeliveryStat_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
