-- Lease fencing (issue 19.2): a reaped lease's request still counts toward its webhook's limits until it
-- is recorded or would have expired (ReapedLease), and an attempt recorded after a takeover is marked late.
-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "isLate" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ReapedLease" (
    "deliveryId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "webhookId" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReapedLease_pkey" PRIMARY KEY ("deliveryId","attempt")
);

-- CreateIndex
CREATE INDEX "ReapedLease_webhookId_expiresAt_idx" ON "ReapedLease"("webhookId", "expiresAt");

-- AddForeignKey
ALTER TABLE "ReapedLease" ADD CONSTRAINT "ReapedLease_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
