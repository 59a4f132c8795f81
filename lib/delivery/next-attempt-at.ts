// When a failed attempt is tried again, or null when the delivery has failed for good.

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

type TRetryInput = {
  /** Attempts made so far, this one included. */
  attemptCount: number;
  schedule: number[];
  statusCode: number | null;
  retryAfter?: string;
  now: Date;
};

export function nextAttemptAt({ attemptCount, schedule, statusCode, retryAfter, now }: TRetryInput): Date | null {
  if (statusCode === 410) return null; // Gone: the receiver asked us to stop
  const delay = schedule[attemptCount - 1];
  if (delay === undefined) return null;
  // 429/503 may say when to come back; honoured, but never past the schedule's longest wait.
  const asked = statusCode === 429 || statusCode === 503 ? parseRetryAfter(retryAfter, now) : null;
  const wait = asked === null ? delay : Math.min(Math.max(asked, 0), Math.max(...schedule));
  return new Date(now.getTime() + wait);
}
