// Baseline (a), the physical limit: raw undici POSTs of the same signed bodies to the same receiver,
// no database, from as many processes and with as many requests in flight as Hookline's workers.
import { fork } from "node:child_process";
import path from "node:path";
import { type TReceiver, wallNow } from "./harness";

export async function benchRawUndici(receiver: TReceiver, total: number, processes: number, concurrency: number): Promise<number> {
  await receiver.reset();
  const each = Math.ceil(total / processes);
  const children = await Promise.all(
    Array.from({ length: processes }, async () => {
      const child = fork(path.join(import.meta.dirname, "raw-undici-sender.ts"), [`${receiver.url}/raw`, String(each), String(concurrency)], {
        execArgv: ["--import", "tsx"],
      });
      await new Promise((resolve) => child.once("message", resolve)); // ready
      return child;
    }),
  );
  const t0 = wallNow();
  await Promise.all(
    children.map((child) => {
      const done = new Promise((resolve) => child.once("message", resolve));
      child.send("go");
      return done;
    }),
  );
  return (each * processes) / ((wallNow() - t0) / 1000);
}
