import { expect } from "vitest";
import { ZodError } from "zod";

/** The path of the first issue of the ZodError `promise` rejects with (a server function's input check). */
export async function zodPath(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues[0]?.path;
}
