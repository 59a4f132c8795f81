import "server-only";
import { generateWebhookToken } from "../../crypto/tokens";
import { getDb } from "../../db";
import { deliveryConfig } from "../../delivery/config";
import { sealSecret } from "../../delivery/webhook-secrets";
import { ALL_EVENTS, type TWebhookCreate, ZWebhookCreate } from "../../validation/webhook";
import { assertEventsExist, assertProjectsExist, assertTargetAllowed } from "./check-webhook-refs";
import { toWebhookDto } from "./to-webhook-dto";

/** Creates a webhook, disabled (Worksection); the token is returned this once, and by reveal. */
export async function createWebhook(input: TWebhookCreate) {
  const data = ZWebhookCreate.parse(input);
  await assertEventsExist(data.events);
  await assertProjectsExist(data.projects);
  await assertTargetAllowed(data.url);
  const token = data.token ?? generateWebhookToken();
  const allEvents = data.events[0] === ALL_EVENTS;
  const db = await getDb();
  const row = await db.webhook.create({
    data: {
      url: data.url,
      description: data.description,
      allEvents,
      events: allEvents ? [] : data.events,
      projects: data.projects,
      tokenCiphertext: sealSecret(token),
      httpUser: data.httpUser || null,
      httpPasswordCiphertext: data.httpUser && data.httpPassword ? sealSecret(data.httpPassword) : null,
      maxInFlight: data.maxInFlight,
      rateLimitPerSecond: data.rateLimitPerSecond,
      signatureFamilies: data.signatureFamilies,
    },
  });
  return { ...toWebhookDto(row, deliveryConfig().failureLimit), token };
}
