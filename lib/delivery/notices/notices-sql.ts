import { Prisma } from "../../generated/prisma/client";
import { AUTO_DISABLE_REASON, GONE_REASON } from "../webhook-health";

// What admins are told, decided in the attempt recorder's statement (lib/delivery/record-attempts.ts)
// from what it records, and written there as Notice rows: in the same transaction as the change they
// tell of, so a crash can neither lose one nor tell one twice. A worker sends them afterwards
// (./send-notices.ts). Three kinds come from here: a webhook Hookline disabled (failure limit or
// 410), one that just reached half the failure limit, and a delivery that failed for good. A failed
// delivery of an operational event (hookline.*) tells nothing: two broken webhooks subscribed to
// each other's failures would otherwise feed each other for ever.

/** Failures in a row at which a webhook is "failing" news: half the limit, rounded up. */
export const failingAt = (failureLimit: number) => Math.ceil(failureLimit / 2);

/**
 * The CTE `notices`, after the health CTEs (it reads `counted` and `outcomes`; "Webhook" as it was
 * before this statement, every CTE seeing the same snapshot, so the count before is there too).
 */
export function noticesSql(failureLimit: number): Prisma.Sql {
  const half = failingAt(failureLimit);
  return Prisma.sql`
    notices as (
      insert into "Notice" (id, "workspaceId", kind, "webhookId", "deliveryId", details, "createdAt")
      select gen_random_uuid(), w."workspaceId", n.kind, w.id, n.delivery_id, n.details, now() at time zone 'UTC'
      from (
        select c.webhook_id, null::uuid as delivery_id, 'webhook.disabled' as kind,
          jsonb_build_object('reason', case when c.is_gone then ${GONE_REASON} else ${AUTO_DISABLE_REASON(failureLimit)} end,
            'failures', c.failures, 'failureLimit', ${failureLimit}::int, 'lastStatusCode', c.failure_status, 'lastErrorClass', c.failure_class) as details
        from counted c where c.is_disabling
        union all
        select c.webhook_id, null::uuid, 'webhook.failing',
          jsonb_build_object('failures', c.failures, 'failureLimit', ${failureLimit}::int, 'lastStatusCode', c.failure_status, 'lastErrorClass', c.failure_class)
        from counted c join "Webhook" prior on prior.id = c.webhook_id
        where prior.enabled and not c.is_disabling and prior."consecutiveFailures" < ${half}::int and c.failures >= ${half}::int
        union all
        select o.webhook_id, o.id, 'delivery.failed',
          jsonb_build_object('attempts', o.attempt, 'lastStatusCode', o.status_code, 'lastErrorClass', o.error_class, 'event', e.type, 'eventId', e.id)
        from outcomes o join "Delivery" d on d.id = o.id join "Event" e on e.id = d."eventId"
        where o.status = 'failed' and e.type not like 'hookline.%'
      ) n join "Webhook" w on w.id = n.webhook_id
      returning 1
    )`;
}
