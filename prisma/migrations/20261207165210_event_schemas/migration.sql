-- AlterTable
ALTER TABLE "CustomEventType" ADD COLUMN     "example" JSONB,
ADD COLUMN     "schema" JSONB,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "schemaErrors" JSONB;
