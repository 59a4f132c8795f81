// GET /api/v1/installation/audit-log — the installation's own audit log (operators)
import { listInstallationAuditLogOperation } from "@/lib/api/operations/audit-log";
import { withOperator } from "@/lib/api/with-admin";
import { listInstallationAuditLog } from "@/lib/server/audit/list-audit-log";

export const GET = withOperator(listInstallationAuditLogOperation, ({ query, ctx }) => listInstallationAuditLog(ctx, query));
