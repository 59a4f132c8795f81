// The headers the baselines send: the same as Hookline's (lib/delivery/build-request.ts), signed by
// Hookline's own signing code, so that every contender does the same work per request.
import { randomBytes } from "node:crypto";
import { signatureHeaders } from "../../lib/delivery/sign-payload";

export const BENCH_TOKEN = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export function signedHeaders(deliveryId: string, event: string, body: string, token = BENCH_TOKEN): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "Hookline-Webhooks/bench",
    Event: event,
    Delivery: deliveryId,
    ...signatureHeaders({ tokens: [token], id: deliveryId, sentAt: new Date(), body, nonce: randomBytes(16).toString("hex") }),
  };
}
