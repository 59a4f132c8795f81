-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "customHeaders" JSONB NOT NULL DEFAULT '[]';
