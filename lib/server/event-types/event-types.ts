import "server-only";
import { getDb } from "../../db";
import { DomainError } from "../../errors/domain-error";
import { Prisma } from "../../generated/prisma/client";
import { type TEventTypeCreate, ZEventTypeCreate } from "../../validation/event-type";

const SELECT = { name: true, description: true, group: true } as const;

export async function listEventTypes() {
  return (await getDb()).eventType.findMany({ select: SELECT, orderBy: [{ group: "asc" }, { name: "asc" }] });
}

/** Hosts register their own event types; a name already in the catalog is a 409. */
export async function createEventType(input: TEventTypeCreate) {
  const data = ZEventTypeCreate.parse(input);
  try {
    return await (await getDb()).eventType.create({ data, select: SELECT });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("conflict", "conflict", `Event type "${data.name}" already exists`);
    throw error;
  }
}
