-- CreateIndex
CREATE INDEX "Delivery_status_webhookId_nextAttemptAt_idx" ON "Delivery"("status", "webhookId", "nextAttemptAt");
