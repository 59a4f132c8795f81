import "server-only";
import { DomainError } from "../errors/domain-error";
import type { TCustomHeaderInput, TCustomHeaderOut } from "../validation/custom-headers";
import { SECRET_MASK } from "../validation/custom-headers";
import { openSecret, sealSecret } from "./webhook-secrets";

// A webhook's own headers as they are kept (Webhook.customHeaders, JSON): a plain value, or a secret
// one sealed (AES-256-GCM, like the token), never stored or shown in plaintext.

export type TStoredHeader = { name: string; value: string } | { name: string; sealed: string };
/** A header ready to send. */
export type TOpenHeader = { name: string; value: string; isSecret: boolean };

const isSealed = (h: TStoredHeader): h is { name: string; sealed: string } => "sealed" in h;
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The stored list from the column (anything else reads as none). */
export function storedHeaders(column: unknown): TStoredHeader[] {
  if (!Array.isArray(column)) return [];
  return column.filter(
    (h): h is TStoredHeader =>
      typeof h === "object" && h !== null && typeof h.name === "string" && (typeof h.value === "string" || typeof h.sealed === "string"),
  );
}

/**
 * What to store for the headers a form or the API sent (already checked by ZCustomHeaders): a secret
 * sent without a value keeps the one stored under its name, which must be a secret already.
 */
export function sealHeaders(input: readonly TCustomHeaderInput[], before: readonly TStoredHeader[]): TStoredHeader[] {
  return input.map((h, i) => {
    const name = h.name.trim();
    const value = h.value ?? null;
    if (!h.isSecret) return { name, value: value ?? "" };
    if (value !== null) return { name, sealed: sealSecret(value) };
    const kept = before.find((b) => sameName(b.name, name));
    if (!kept || !isSealed(kept)) throw DomainError.invalid(`headers.${i}.value`, `Enter a value for ${name}`);
    return { name, sealed: kept.sealed };
  });
}

/** The headers to send, secrets opened. */
export function openHeaders(stored: readonly TStoredHeader[]): TOpenHeader[] {
  return stored.map((h) => (isSealed(h) ? { name: h.name, value: openSecret(h.sealed), isSecret: true } : { name: h.name, value: h.value, isSecret: false }));
}

/** As the API shows them: a secret's value is null. */
export function headersDto(stored: readonly TStoredHeader[]): TCustomHeaderOut[] {
  return stored.map((h) => (isSealed(h) ? { name: h.name, value: null, isSecret: true } : { name: h.name, value: h.value, isSecret: false }));
}

/**
 * What an edit changed in the headers, for the audit log: the lists before and after as
 * "Name: value", secrets masked; "changed" when only a secret's value did.
 */
export function headersChange(before: readonly TStoredHeader[], after: readonly TStoredHeader[]): { from: string[]; to: string[] } | "changed" | null {
  const shown = (list: readonly TStoredHeader[]) => list.map((h) => `${h.name}: ${isSealed(h) ? SECRET_MASK : h.value}`);
  const [from, to] = [shown(before), shown(after)];
  if (JSON.stringify(from) !== JSON.stringify(to)) return { from, to };
  return JSON.stringify(before) === JSON.stringify(after) ? null : "changed";
}
