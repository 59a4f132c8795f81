-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "workspaceId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "targetName" TEXT,
    "address" TEXT,
    "changes" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_workspaceId_at_id_idx" ON "AuditEntry"("workspaceId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_workspaceId_action_at_id_idx" ON "AuditEntry"("workspaceId", "action", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_workspaceId_targetId_at_id_idx" ON "AuditEntry"("workspaceId", "targetId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_workspaceId_actorId_at_id_idx" ON "AuditEntry"("workspaceId", "actorId", "at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
