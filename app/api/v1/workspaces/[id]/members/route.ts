// GET /api/v1/workspaces/{id}/members — its members; POST — add an existing user or change their role (operators only)
import { addMemberOperation, listMembersOperation } from "@/lib/api/operations/workspaces";
import { withOperator } from "@/lib/api/with-admin";
import { addMember, listMembers } from "@/lib/server/workspaces/members";

export const GET = withOperator(listMembersOperation, async ({ params, ctx }) => ({ data: await listMembers(ctx, params.id) }));

export const POST = withOperator(addMemberOperation, ({ params, body, ctx }) => addMember(ctx, params.id, body));
