import { useMutation } from "@tanstack/react-query";
import { postSignInLink } from "../client/workspaces-api";
import type { TSignInLinkCreate } from "../validation/workspace";

/**
 * The result holds the link, shown once. Nothing to re-read: the user and membership are made
 * when the link is used, not now.
 */
export function useCreateSignInLink(workspaceId: string) {
  return useMutation({ mutationFn: (body: TSignInLinkCreate) => postSignInLink(workspaceId, body) });
}
