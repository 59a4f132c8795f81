import "server-only";
import { hashPassword } from "../../auth/password";
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { type TRole, ZUserCreate } from "../../validation/user";

export class UserNotFoundError extends Error {
  constructor(email: string) {
    super(`No user with email ${email}`);
    this.name = "UserNotFoundError";
  }
}

async function updateByEmail(email: string, data: Prisma.UserUpdateInput) {
  const db = await getDb();
  const normalized = email.trim().toLowerCase();
  try {
    return await db.user.update({ where: { email: normalized }, data, select: { id: true, email: true, role: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new UserNotFoundError(normalized);
    throw error;
  }
}

export async function setUserPassword(email: string, password: string) {
  const { password: valid } = ZUserCreate.pick({ password: true }).parse({ password });
  // A new password ends every session signed in with the old one (lib/auth/session-user.ts).
  return updateByEmail(email, { passwordHash: await hashPassword(valid), sessionVersion: { increment: 1 } });
}

export class LastAdminError extends Error {
  constructor(email: string) {
    super(`${email} is the only admin: make another user an admin first, or nobody could manage Hookline`);
    this.name = "LastAdminError";
  }
}

export async function setUserRole(email: string, role: TRole) {
  if (role !== "ADMIN") {
    const db = await getDb();
    const normalized = email.trim().toLowerCase();
    const admins = await db.user.findMany({ where: { role: "ADMIN" }, select: { email: true }, take: 2 });
    if (admins.length === 1 && admins[0]?.email === normalized) throw new LastAdminError(normalized);
  }
  // Sessions carry no role, but a demoted admin's open pages should not outlive the change either.
  return updateByEmail(email, { role, sessionVersion: { increment: 1 } });
}

export async function listUsers() {
  const db = await getDb();
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { email: true, role: true, createdAt: true } });
}
