import { useMutation } from "@tanstack/react-query";
import { postConsent } from "../client/oauth-apps-api";

/** Variables: the authorization request and the decision; the result says where the browser goes. */
export function useConsent() {
  return useMutation({ mutationFn: postConsent });
}
