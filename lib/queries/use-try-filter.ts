import { useMutation } from "@tanstack/react-query";
import { postTryFilter } from "../client/webhooks-api";

/** The filter field's "Try it": whether a filter matches an example or pasted data (nothing is stored). */
export function useTryFilter() {
  return useMutation({ mutationFn: postTryFilter });
}
