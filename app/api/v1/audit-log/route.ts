// GET /api/v1/audit-log — who changed what, when and from where, newest first
import { listAuditLogOperation } from "@/lib/api/operations/audit-log";
import { withAdmin } from "@/lib/api/with-admin";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";

export const GET = withAdmin(listAuditLogOperation, ({ query, ctx }) => listAuditLog(ctx, query));
