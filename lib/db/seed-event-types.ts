import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { EVENT_CATALOG } from "./event-catalog";

/**
 * Makes sure the built-in catalog is in the database (run after migrations on every open). Only
 * missing names are added: descriptions a host changed and types it registered are left alone.
 */
export async function seedEventTypes(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.eventType.createMany({ data: EVENT_CATALOG.map((e) => ({ ...e })), skipDuplicates: true });
  return count;
}
