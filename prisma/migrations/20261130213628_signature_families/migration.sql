-- Which signature families each webhook sends. Existing webhooks get all three (the default).
-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "signatureFamilies" TEXT[] DEFAULT ARRAY['teamwork', 'standard-webhooks', 'twenty']::TEXT[];
