// Prisma 7's CLI insists on a native schema-engine binary, which these machines cannot download.
// generate/validate/format never run it, so point it at a binary that fails loudly (/bin/false, never
// /bin/true: that makes `prisma migrate deploy` report success having done nothing). Migrations go
// through scripts/db-migrate.ts and the WASM engine instead; never call `prisma migrate` here.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
