import { z } from "zod";

// The signature families a webhook can send (lib/delivery/sign-payload.ts), chosen per webhook.
// One list for the schema, the form's checkboxes, the database default and the sender.

export const SIGNATURE_FAMILIES = ["teamwork", "standard-webhooks", "twenty"] as const;
export type TSignatureFamily = (typeof SIGNATURE_FAMILIES)[number];

/** The headers each family adds, as the form and the webhook page name them. */
export const SIGNATURE_FAMILY_LABELS: Record<TSignatureFamily, { label: string; headers: string[] }> = {
  teamwork: { label: "Teamwork", headers: ["Signature"] },
  "standard-webhooks": { label: "Standard Webhooks", headers: ["webhook-id", "webhook-timestamp", "webhook-signature"] },
  twenty: { label: "Twenty", headers: ["X-Twenty-Webhook-Signature", "X-Twenty-Webhook-Timestamp", "X-Twenty-Webhook-Nonce"] },
};

export const ZSignatureFamilies = z
  .array(z.enum(SIGNATURE_FAMILIES, { error: `Each signature family must be one of ${SIGNATURE_FAMILIES.join(", ")}` }), {
    error: "Pick at least one signature family",
  })
  .min(1, { error: "Pick at least one signature family" })
  // Stored in the list's own order, duplicates collapsed, so equal choices compare equal.
  .transform((picked) => SIGNATURE_FAMILIES.filter((f) => picked.includes(f)))
  .describe(`Which signature headers are sent: ${SIGNATURE_FAMILIES.join(", ")} (at least one; all by default)`);

/**
 * A stored list read back: known families in order; none left (a row written around the API) means
 * all, as the column's default, so a webhook never goes out unsigned.
 */
export function storedSignatureFamilies(stored: readonly string[] | null | undefined): TSignatureFamily[] {
  const known = SIGNATURE_FAMILIES.filter((f) => stored?.includes(f));
  return known.length > 0 ? known : [...SIGNATURE_FAMILIES];
}
