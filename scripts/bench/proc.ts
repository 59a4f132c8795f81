// What /proc says about a process: the CPU time and memory rows of npm run bench.
import fs from "node:fs";

/** USER_HZ on Linux: the unit of /proc/<pid>/stat's CPU times. */
export const TICKS_PER_S = 100;

/** CPU time a process has used so far, user + system (ticks of TICKS_PER_S), from /proc/<pid>/stat. */
export function cpuTicks(pid: number | string): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

/** A process's resident memory now (VmRSS), in MB. */
export function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}

/** The most resident memory a process has had so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB$/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}
