import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditLogPanel } from "@/components/audit/audit-log-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedInPage } from "@/lib/api/current-user";
import type { TAuditSourceName } from "@/lib/client/audit-api";

export const metadata: Metadata = { title: "Audit log · Hookline" };

/** A workspace's admins read its log; operators also the installation's own (and only that, where they are no admin). */
export default async function AuditLogPage() {
  const session = await requireSignedInPage("/settings/audit-log");
  const sources: TAuditSourceName[] = [];
  if (session.current?.role === "ADMIN") sources.push("workspace");
  if (session.user.isOperator) sources.push("installation");
  if (sources.length === 0) forbidden();
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what, when and from where: admins, API keys, OAuth apps and Hookline itself. Secrets are never shown, only that they changed."
      />
      <AuditLogPanel sources={sources} />
    </>
  );
}
