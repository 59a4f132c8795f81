-- CreateEnum
CREATE TYPE "OAuthClientType" AS ENUM ('confidential', 'public');

-- AlterTable (every existing application has a secret: the default makes it confidential)
ALTER TABLE "OAuthApp" ADD COLUMN     "clientType" "OAuthClientType" NOT NULL DEFAULT 'confidential',
ALTER COLUMN "secretHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "OAuthCode" ADD COLUMN     "usedAt" TIMESTAMP(3);

-- AlterTable (edited: existing rows become grants of their own, then the column is required)
ALTER TABLE "OAuthToken" ADD COLUMN     "grantId" UUID,
ADD COLUMN     "rotatedAt" TIMESTAMP(3);
UPDATE "OAuthToken" SET "grantId" = "id";
ALTER TABLE "OAuthToken" ALTER COLUMN "grantId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "OAuthToken_grantId_idx" ON "OAuthToken"("grantId");
