-- Workspaces (issue 20). Every row that was the one site's moves into the workspace "Default", whose
-- id is fixed so that a single site never has to name it: the workspaceId columns default to it, so
-- SQL written before workspaces (and a host's own scripts) keep landing there. Hookline's own code
-- always names the workspace (lib/db/scoped-db.ts).

-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxInFlight" INTEGER,
    "rateLimitPerSecond" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

INSERT INTO "Workspace" ("id", "slug", "name", "createdAt", "updatedAt")
VALUES ('00000000-0000-4000-8000-000000000001', 'default', 'Default', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC');

-- DropIndex
DROP INDEX "Delivery_createdAt_id_idx";

-- DropIndex
DROP INDEX "Delivery_status_createdAt_id_idx";

-- DropIndex
DROP INDEX "Event_idempotencyKey_key";

-- DropIndex
DROP INDEX "Event_type_idx";

-- DropIndex
DROP INDEX "Webhook_createdAt_id_idx";

-- AlterTable
ALTER TABLE "AdminApiKey" DROP CONSTRAINT "AdminApiKey_pkey",
DROP COLUMN "id",
ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
ADD CONSTRAINT "AdminApiKey_pkey" PRIMARY KEY ("workspaceId");

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "OAuthApp" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "OAuthCode" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "OAuthToken" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- AlterTable
ALTER TABLE "Project" DROP CONSTRAINT "Project_pkey",
ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
ADD CONSTRAINT "Project_pkey" PRIMARY KEY ("workspaceId", "id");


-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001';

-- CreateTable
CREATE TABLE "Membership" (
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "SignInLink" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomEventType" (
    "workspaceId" UUID NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001',
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomEventType_pkey" PRIMARY KEY ("workspaceId","name")
);


-- Roles move from the user to the membership: everyone was a member of the one site, in the role
-- they had. Every admin of the one site becomes an operator: they ran the whole installation before
-- and keep every power they had (an install made from now on gets one operator, its first admin).
INSERT INTO "Membership" ("workspaceId", "userId", "role", "createdAt")
SELECT '00000000-0000-4000-8000-000000000001', "id", "role", "createdAt" FROM "User";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "role",
ADD COLUMN     "isOperator" BOOLEAN NOT NULL DEFAULT false;

UPDATE "User" u SET "isOperator" = true
WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id" AND m."role" = 'ADMIN');

-- Event types a host registered become Default's own, and the built-in catalog (lib/db/event-catalog.ts,
-- as it was at this release) stays shared by every workspace.
INSERT INTO "CustomEventType" ("workspaceId", "name", "description", "group", "createdAt")
SELECT '00000000-0000-4000-8000-000000000001', "name", "description", "group", "createdAt" FROM "EventType"
WHERE "name" NOT IN ('activities.created', 'activities.deleted', 'activities.updated', 'companies.created', 'companies.deleted', 'companies.updated', 'contacts.created', 'contacts.deleted', 'contacts.updated', 'currencies.created', 'currencies.deleted', 'currencies.updated', 'custom-fields.created', 'custom-fields.deleted', 'custom-fields.updated', 'custom-filter.created', 'custom-filter.deleted', 'custom-filter.updated', 'deals.created', 'deals.deleted', 'deals.updated', 'files.created', 'files.deleted', 'files.updated', 'installation-settings.updated', 'lost-reasons.created', 'lost-reasons.deleted', 'lost-reasons.updated', 'notes.created', 'notes.deleted', 'notes.updated', 'pipelines.created', 'pipelines.deleted', 'pipelines.updated', 'products.created', 'products.deleted', 'products.updated', 'stages.created', 'stages.deleted', 'stages.updated', 'users.created', 'users.deleted', 'users.updated', 'access.created', 'comment.created', 'comment.updated', 'comment.deleted', 'page.created', 'page.updated', 'page.deleted', 'page.updated.reverted', 'page.updated.moved', 'pagepermission.created', 'pagepermission.deleted', 'pagepermissions.deleted', 'pluginstate.created', 'pluginstate.updated', 'space.deleted', 'space.imported', 'user.updated', 'user.enabled', 'user.disabled', 'page.updated.trashed', 'page.updated.restored', 'post_task', 'update_task', 'close_task', 'delete_task', 'post_comment', 'update_comment', 'delete_comment', 'post_project', 'update_project', 'reopen_task', 'person.created', 'person.updated', 'person.deleted', 'company.created', 'company.updated', 'company.deleted', 'note.created', 'note.updated', 'note.deleted', 'task.created', 'task.updated', 'task.deleted', 'opportunity.created', 'opportunity.updated', 'opportunity.deleted');
DELETE FROM "EventType" WHERE "name" NOT IN ('activities.created', 'activities.deleted', 'activities.updated', 'companies.created', 'companies.deleted', 'companies.updated', 'contacts.created', 'contacts.deleted', 'contacts.updated', 'currencies.created', 'currencies.deleted', 'currencies.updated', 'custom-fields.created', 'custom-fields.deleted', 'custom-fields.updated', 'custom-filter.created', 'custom-filter.deleted', 'custom-filter.updated', 'deals.created', 'deals.deleted', 'deals.updated', 'files.created', 'files.deleted', 'files.updated', 'installation-settings.updated', 'lost-reasons.created', 'lost-reasons.deleted', 'lost-reasons.updated', 'notes.created', 'notes.deleted', 'notes.updated', 'pipelines.created', 'pipelines.deleted', 'pipelines.updated', 'products.created', 'products.deleted', 'products.updated', 'stages.created', 'stages.deleted', 'stages.updated', 'users.created', 'users.deleted', 'users.updated', 'access.created', 'comment.created', 'comment.updated', 'comment.deleted', 'page.created', 'page.updated', 'page.deleted', 'page.updated.reverted', 'page.updated.moved', 'pagepermission.created', 'pagepermission.deleted', 'pagepermissions.deleted', 'pluginstate.created', 'pluginstate.updated', 'space.deleted', 'space.imported', 'user.updated', 'user.enabled', 'user.disabled', 'page.updated.trashed', 'page.updated.restored', 'post_task', 'update_task', 'close_task', 'delete_task', 'post_comment', 'update_comment', 'delete_comment', 'post_project', 'update_project', 'reopen_task', 'person.created', 'person.updated', 'person.deleted', 'company.created', 'company.updated', 'company.deleted', 'note.created', 'note.updated', 'note.deleted', 'task.created', 'task.updated', 'task.deleted', 'opportunity.created', 'opportunity.updated', 'opportunity.deleted');

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Workspace_createdAt_id_idx" ON "Workspace"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Membership_userId_createdAt_idx" ON "Membership"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInLink_expiresAt_idx" ON "SignInLink"("expiresAt");

-- CreateIndex
CREATE INDEX "Delivery_workspaceId_createdAt_id_idx" ON "Delivery"("workspaceId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Delivery_workspaceId_status_createdAt_id_idx" ON "Delivery"("workspaceId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Delivery_workspaceId_claimedAt_idx" ON "Delivery"("workspaceId", "claimedAt");

-- CreateIndex
CREATE INDEX "Event_workspaceId_type_idx" ON "Event"("workspaceId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "Event_workspaceId_idempotencyKey_key" ON "Event"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "OAuthToken_workspaceId_idx" ON "OAuthToken"("workspaceId");

-- CreateIndex
CREATE INDEX "Webhook_workspaceId_createdAt_id_idx" ON "Webhook"("workspaceId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInLink" ADD CONSTRAINT "SignInLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomEventType" ADD CONSTRAINT "CustomEventType_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminApiKey" ADD CONSTRAINT "AdminApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthApp" ADD CONSTRAINT "OAuthApp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthToken" ADD CONSTRAINT "OAuthToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthCode" ADD CONSTRAINT "OAuthCode_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
