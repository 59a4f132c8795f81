import { useMutation } from "@tanstack/react-query";
import { postPasswordChange } from "../client/account-api";

/** The signed-in user's own new password; on success every session has ended, this one included. */
export function useChangePassword() {
  return useMutation({ mutationFn: postPasswordChange });
}
