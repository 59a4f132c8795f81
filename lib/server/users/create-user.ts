import "server-only";
import { hashPassword } from "../../auth/password";
import { getDb } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { type TUserCreate, ZUserCreate } from "../../validation/user";

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with email ${email} already exists`);
    this.name = "UserExistsError";
  }
}

export async function createUser(input: TUserCreate) {
  const { email, password, name, role } = ZUserCreate.parse(input);
  const db = await getDb();
  try {
    return await db.user.create({
      data: { email, name, role, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new UserExistsError(email);
    throw error;
  }
}
