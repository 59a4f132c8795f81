import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { TWebhookStatus } from "../validation/webhook";

// A webhook's health, in one place. The rules:
// - each failed attempt counts against the webhook; a success resets the count to the failures
//   recorded after it (attempts are taken in the order they finished);
// - at the failure limit (HOOKLINE_FAILURE_LIMIT), or on 410 Gone, an enabled webhook is disabled,
//   with the reason; its pending deliveries stay pending (parked), to be sent when it is enabled again;
// - its status follows: disabled, working (no failures since the last success) or failing. The
//   browser-safe function of that rule is lib/validation/webhook-status.ts; STATUS_WHERE below is the
//   same rule as a database filter, STATUS_SQL as an expression (and STATUS_COUNTS_SQL counted).

export const AUTO_DISABLE_REASON = (limit: number) => `Disabled after ${limit} failed attempts in a row`;
export const GONE_REASON = "The receiver answered 410 Gone";

/** The status rule as a filter on Webhook rows (the list's ?status=). */
export const STATUS_WHERE: Record<TWebhookStatus, Prisma.WebhookWhereInput> = {
  disabled: { enabled: false },
  working: { enabled: true, consecutiveFailures: 0 },
  failing: { enabled: true, consecutiveFailures: { gt: 0 } },
};

/** The status rule as an SQL expression over a "Webhook" row: 'disabled', 'failing' or 'working'. */
export const STATUS_SQL = Prisma.sql`(case when not enabled then 'disabled' when "consecutiveFailures" > 0 then 'failing' else 'working' end)`;

/** How many webhooks have each status, as the int columns working, failing and disabled of an aggregate over "Webhook". */
export const STATUS_COUNTS_SQL = Prisma.sql`(count(*) filter (where ${STATUS_SQL} = 'working'))::int as working,
  (count(*) filter (where ${STATUS_SQL} = 'failing'))::int as failing,
  (count(*) filter (where ${STATUS_SQL} = 'disabled'))::int as disabled`;

/**
 * The health rules as SQL, for the attempt recorder's single statement (lib/delivery/record-attempts.ts):
 * CTEs that read the recorded attempts from a CTE named `outcomes` (webhook_id, ok, finished_at,
 * status_code, error_class) and update each webhook's count, timestamps and, at the limit or on 410, its enabled
 * flag and reason, with an audit entry for each webhook disabled. Ends with the CTEs `webhooks` (ids
 * of the webhooks written) and `disabled_audit`, which the statement must use so that they run.
 */
export function healthUpdateSql(failureLimit: number): Prisma.Sql {
  return Prisma.sql`
    health as (
      select o.webhook_id,
        bool_or(o.ok) as has_success,
        max(o.finished_at) filter (where o.ok) as last_success,
        max(o.finished_at) filter (where not o.ok) as last_failure,
        max(o.finished_at) as last_delivery,
        count(*) filter (where not o.ok and o.finished_at >= coalesce(s.last_ok, '-infinity'::timestamp)) as tail,
        coalesce(bool_or(o.status_code = 410), false) as is_gone,
        (array_agg(o.status_code order by o.finished_at desc) filter (where not o.ok))[1] as failure_status,
        (array_agg(o.error_class order by o.finished_at desc) filter (where not o.ok))[1] as failure_class
      from outcomes o
      left join (select webhook_id, max(finished_at) as last_ok from outcomes where ok group by 1) s on s.webhook_id = o.webhook_id
      group by o.webhook_id
    ),
    counted as (
      select h.*, f.failures, w.enabled and h.tail > 0 and (h.is_gone or f.failures >= ${failureLimit}) as is_disabling
      from health h join "Webhook" w on w.id = h.webhook_id
      cross join lateral (select case when h.has_success then h.tail else w."consecutiveFailures" + h.tail end as failures) f
    ),
    webhooks as (
      update "Webhook" w set
        "consecutiveFailures" = c.failures,
        "lastSuccessAt" = coalesce(c.last_success, w."lastSuccessAt"),
        "lastFailureAt" = coalesce(c.last_failure, w."lastFailureAt"),
        "lastFailureStatusCode" = case when c.last_failure is null then w."lastFailureStatusCode" else c.failure_status end,
        "lastFailureErrorClass" = case when c.last_failure is null then w."lastFailureErrorClass" else c.failure_class end,
        "lastDeliveryAt" = greatest(w."lastDeliveryAt", c.last_delivery),
        enabled = w.enabled and not c.is_disabling,
        "disabledReason" = case when c.is_disabling then (case when c.is_gone then ${GONE_REASON} else ${AUTO_DISABLE_REASON(failureLimit)} end) else w."disabledReason" end,
        "disabledAt" = case when c.is_disabling then c.last_failure else w."disabledAt" end,
        -- Recovery (lib/delivery/recovery/): the first probe a minute after Hookline disables it.
        "nextProbeAt" = case when c.is_disabling then (case when w."autoRecover" then c.last_failure + interval '1 minute' end) else w."nextProbeAt" end,
        "recoveryProbes" = case when c.is_disabling then 0 else w."recoveryProbes" end
      from counted c
      where w.id = c.webhook_id
      returning w.id
    ),
    -- Hookline's own audit entry for each webhook it disables, in the same statement (and so the same
    -- transaction) as the disable: one per state change, never one per delivery.
    disabled_audit as (
      insert into "AuditEntry" (id, "workspaceId", at, "actorKind", "actorId", "actorName", action, "targetType", "targetId", "targetName", changes)
      select gen_random_uuid(), w."workspaceId", now() at time zone 'UTC', 'system', null,
        case when c.is_gone then 'Hookline (the receiver answered 410 Gone)' else 'Hookline (failure limit)' end,
        'webhook.disabled', 'webhook', w.id::text, w.url,
        jsonb_build_object('enabled', jsonb_build_object('from', true, 'to', false),
          'reason', case when c.is_gone then ${GONE_REASON} else ${AUTO_DISABLE_REASON(failureLimit)} end,
          'consecutiveFailures', c.failures)
      from counted c join "Webhook" w on w.id = c.webhook_id
      where c.is_disabling
      returning 1
    )`;
}
