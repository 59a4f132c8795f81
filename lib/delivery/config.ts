import "server-only";
import { env } from "../env";
import { parseAllowList, type TAllowList } from "./address-policy";

export type TDeliveryConfig = { allow: TAllowList; timeoutMs: number; failureLimit: number };

let cached: TDeliveryConfig | undefined;

export function deliveryConfig(): TDeliveryConfig {
  if (cached) return cached;
  const e = env();
  cached = { allow: parseAllowList(e.HOOKLINE_ALLOWED_TARGETS), timeoutMs: e.HOOKLINE_TIMEOUT_MS, failureLimit: e.HOOKLINE_FAILURE_LIMIT };
  return cached;
}
