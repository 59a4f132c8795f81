import "server-only";
import dns from "node:dns";
import net from "node:net";
import { isHostAllowListed, type TAllowList } from "../../config/allow-list";
import { addressBlockReason } from "./address-policy";

export type TResolvedAddress = { address: string; family: number };
/** dns.lookup(host, { all: true }) in promise form; tests inject their own answers. */
export type TResolver = (hostname: string) => Promise<TResolvedAddress[]>;

export const systemResolver: TResolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export class SsrfBlockedError extends Error {
  readonly code = "ESSRFBLOCKED";
  constructor(message: string) {
    super(message);
    this.name = "SsrfBlockedError";
  }
}

export class DnsFailureError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "DnsFailureError";
  }
}

/**
 * How a refused host is let through on purpose (a receiver on the same machine or network): what to
 * add, where. Part of the message wherever it shows: the form, the API, a test, an attempt's error.
 */
export function allowHint(host: string): string {
  return ` An operator can allow it: add ${host} to HOOKLINE_ALLOWED_TARGETS (comma-separated) and restart Hookline.`;
}

/**
 * Resolves a host once and vets every answer: if any address is not allowed the whole host is
 * refused (a name that answers one public and one private address is a rebinding trick).
 * DNS errors fail closed. IP literals are vetted without a lookup.
 */
export async function resolveVetted(hostname: string, allow: TAllowList, resolver: TResolver = systemResolver): Promise<TResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  const isNamedException = isHostAllowListed(bare, allow);
  if (net.isIP(bare)) {
    const reason = isNamedException ? null : addressBlockReason(bare, allow);
    if (reason) throw new SsrfBlockedError(`blocked: ${reason}.${allowHint(bare)}`);
    return [{ address: bare, family: net.isIP(bare) }];
  }
  let answers: TResolvedAddress[];
  try {
    answers = await resolver(bare);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EDNS";
    throw new DnsFailureError(`cannot resolve ${bare} (${code})`, code);
  }
  if (answers.length === 0) throw new DnsFailureError(`${bare} has no addresses`, "ENODATA");
  if (!isNamedException) {
    for (const { address } of answers) {
      const reason = addressBlockReason(address, allow);
      if (reason) throw new SsrfBlockedError(`blocked: ${bare} resolves to ${reason}.${allowHint(bare)}`);
    }
  }
  return answers;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | TResolvedAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect (undici's connect.lookup): the socket connects only to an address
 * this function vetted, so a DNS answer cannot change between the check and the connection.
 */
export function guardedLookup(allow: TAllowList, resolver: TResolver = systemResolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolveVetted(hostname, allow, resolver).then(
      (answers) => {
        if (options.all) callback(null, answers);
        else callback(null, answers[0]?.address ?? "", answers[0]?.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
