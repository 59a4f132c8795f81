-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "orderKey" TEXT,
ADD COLUMN     "orderSeq" BIGINT;

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "ordered" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "orderingKey" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_webhookId_orderKey_orderSeq_idx" ON "Delivery"("webhookId", "orderKey", "orderSeq");

-- Publish order for deliveries of webhooks that deliver in order (lib/delivery/publish-event.ts).
CREATE SEQUENCE "Delivery_orderSeq_seq" AS BIGINT;
