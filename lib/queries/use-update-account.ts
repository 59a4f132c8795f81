import { useMutation } from "@tanstack/react-query";
import { patchAccount } from "../client/account-api";

/** Changes the signed-in user's own settings (whether Hookline emails them). */
export function useUpdateAccount() {
  return useMutation({ mutationFn: patchAccount });
}
