import { useMutation } from "@tanstack/react-query";
import { postSignOutEverywhere } from "../client/account-api";

/** Ends every session of the signed-in user, in every browser, this one included. */
export function useSignOutEverywhere() {
  return useMutation({ mutationFn: postSignOutEverywhere });
}
