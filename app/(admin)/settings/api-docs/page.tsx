import type { Metadata } from "next";
import { OpenApiView } from "@/components/api-docs/openapi-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdminPage } from "@/lib/api/current-user";
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference · Hookline" };

export default async function ApiDocsPage() {
  await requireAdminPage("/settings/api-docs");
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            The admin API under /api/v1, generated from the same schemas the server validates with. Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="text-brand-700 underline">
              openapi.json
            </a>{" "}
            (OpenAPI 3.1). Authenticate with <code className="font-mono">Authorization: Bearer &lt;API key&gt;</code>.
          </>
        }
      />
      <OpenApiView doc={buildOpenApiDocument()} />
    </>
  );
}
