import "server-only";
import { DomainError } from "../errors/domain-error";

// Keyset pagination on (a time desc, id desc), served by an index of that shape (the delivery log,
// the audit log): the cost of a page does not grow with how deep it is (no OFFSET), and rows
// inserted meanwhile never shift pages. The cursor is the last row's key, opaque to clients.

export const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key a cursor carries; a cursor this API did not give out is a field error on `cursor`. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const at = new Date(iso);
    if (Number.isNaN(at.getTime()) || typeof id !== "string" || !UUID.test(id)) throw new Error();
    return { at, id };
  } catch {
    throw DomainError.invalid("cursor", "cursor is not one this API gave out");
  }
}
