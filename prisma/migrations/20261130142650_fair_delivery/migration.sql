-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "maxInFlight" INTEGER NOT NULL DEFAULT 16,
ADD COLUMN     "rateLimitPerSecond" INTEGER;

-- CreateIndex
CREATE INDEX "Delivery_webhookId_status_nextAttemptAt_idx" ON "Delivery"("webhookId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Delivery_webhookId_claimedAt_idx" ON "Delivery"("webhookId", "claimedAt");
