-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "autoRecover" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastProbeAt" TIMESTAMP(3),
ADD COLUMN     "lastProbeResult" TEXT,
ADD COLUMN     "nextProbeAt" TIMESTAMP(3),
ADD COLUMN     "recoveryProbes" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Webhook_nextProbeAt_idx" ON "Webhook"("nextProbeAt");
