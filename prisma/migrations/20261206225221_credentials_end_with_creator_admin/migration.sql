-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "revokedFor" TEXT;

-- AlterTable
ALTER TABLE "OAuthApp" ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedFor" TEXT;

-- Keys revoked before reasons were kept were revoked by an admin: final.
UPDATE "ApiKey" SET "revokedFor" = 'by_admin' WHERE "revokedAt" IS NOT NULL;

-- Credentials that outlived their creator's admin role before this release (a demoted admin, or a
-- creator deleted by hand, createdById NULL) end now, as a demotion ends them from now on
-- (lib/server/users/revoke-former-admin-credentials.ts): restorable by an admin in Settings.
-- Timestamps are UTC, as Prisma writes them into these timestamp-without-time-zone columns.
UPDATE "OAuthToken" SET "revokedAt" = now() AT TIME ZONE 'UTC'
WHERE "revokedAt" IS NULL AND (
  "userId" IN (SELECT "id" FROM "User" WHERE "role" <> 'ADMIN')
  OR "appId" IN (SELECT a."id" FROM "OAuthApp" a LEFT JOIN "User" u ON u."id" = a."createdById" WHERE u."role" IS DISTINCT FROM 'ADMIN')
);
DELETE FROM "OAuthCode"
WHERE "userId" IN (SELECT "id" FROM "User" WHERE "role" <> 'ADMIN')
  OR "appId" IN (SELECT a."id" FROM "OAuthApp" a LEFT JOIN "User" u ON u."id" = a."createdById" WHERE u."role" IS DISTINCT FROM 'ADMIN');
UPDATE "OAuthApp" a SET "revokedAt" = now() AT TIME ZONE 'UTC', "revokedFor" = 'creator_not_admin'
WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = a."createdById" AND u."role" = 'ADMIN');
UPDATE "ApiKey" k SET "revokedAt" = now() AT TIME ZONE 'UTC', "revokedFor" = 'creator_not_admin'
WHERE k."revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = k."createdById" AND u."role" = 'ADMIN');

-- Hookline has no way to delete a user, but one deleted by hand (psql) would leave what it created
-- working, its createdById set to NULL by the foreign key. The database itself ends it, in the same
-- statement and with the same reason as a demotion, so an admin can restore it. Rules rather than a
-- trigger: a rule is one statement with no body, and the PostgreSQL migration runner (PrismaPg's
-- executeScript) splits scripts at every semicolon, which would cut a PL/pgSQL function in pieces.
-- A DELETE's rule actions run before the rows go, while OLD still names the creator.
CREATE RULE "User_delete_ends_their_oauth_tokens" AS ON DELETE TO "User" DO ALSO
  UPDATE "OAuthToken" SET "revokedAt" = now() AT TIME ZONE 'UTC'
  WHERE "revokedAt" IS NULL AND "appId" IN (SELECT "id" FROM "OAuthApp" WHERE "createdById" = OLD."id");

CREATE RULE "User_delete_ends_their_oauth_codes" AS ON DELETE TO "User" DO ALSO
  DELETE FROM "OAuthCode" WHERE "appId" IN (SELECT "id" FROM "OAuthApp" WHERE "createdById" = OLD."id");

CREATE RULE "User_delete_revokes_their_oauth_apps" AS ON DELETE TO "User" DO ALSO
  UPDATE "OAuthApp" SET "revokedAt" = now() AT TIME ZONE 'UTC', "revokedFor" = 'creator_not_admin'
  WHERE "createdById" = OLD."id" AND "revokedAt" IS NULL;

CREATE RULE "User_delete_revokes_their_api_keys" AS ON DELETE TO "User" DO ALSO
  UPDATE "ApiKey" SET "revokedAt" = now() AT TIME ZONE 'UTC', "revokedFor" = 'creator_not_admin'
  WHERE "createdById" = OLD."id" AND "revokedAt" IS NULL;
