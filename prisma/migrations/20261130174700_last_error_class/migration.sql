-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "lastErrorClass" TEXT;

-- Backfill: each delivery's last attempt says why it failed (null when it succeeded).
UPDATE "Delivery" d SET "lastErrorClass" = a."errorClass"
FROM (SELECT DISTINCT ON ("deliveryId") "deliveryId", "errorClass" FROM "Attempt" ORDER BY "deliveryId", number DESC) a
WHERE a."deliveryId" = d.id AND a."errorClass" IS NOT NULL;
