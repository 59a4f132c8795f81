-- CreateTable
CREATE TABLE "AdminApiKey" (
    "id" TEXT NOT NULL DEFAULT 'installation',
    "keyCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminApiKey_pkey" PRIMARY KEY ("id")
);
