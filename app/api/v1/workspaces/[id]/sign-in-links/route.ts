// POST /api/v1/workspaces/{id}/sign-in-links — a one-time link that signs a person in to the workspace (operators only)
import { createSignInLinkOperation } from "@/lib/api/operations/workspaces";
import { withOperator } from "@/lib/api/with-admin";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { createSignInLink } from "@/lib/server/workspaces/sign-in-links";

export const POST = withOperator(createSignInLinkOperation, async ({ params, body, ctx, request }) => {
  const { HOOKLINE_PUBLIC_URL, HOOKLINE_TRUST_PROXY } = env();
  const link = await createSignInLink(ctx, params.id, body, publicOrigin(request, HOOKLINE_PUBLIC_URL, HOOKLINE_TRUST_PROXY));
  return Response.json(link, { status: 201, headers: { "cache-control": "no-store" } });
});
