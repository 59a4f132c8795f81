-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "enableError" TEXT,
ADD COLUMN     "enableErrorAt" TIMESTAMP(3);
