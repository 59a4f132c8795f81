import { useMutation } from "@tanstack/react-query";
import { postCheckSignature, type TSignatureCheckBody } from "../client/deliveries-api";

/** Checks a receiver's secret and signature against what this delivery signed; nothing is stored. */
export function useCheckSignature(deliveryId: string) {
  return useMutation({ mutationFn: (body: TSignatureCheckBody) => postCheckSignature(deliveryId, body) });
}
