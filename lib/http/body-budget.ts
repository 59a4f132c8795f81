// One total for the request bodies the front door holds at once, whoever sends them. Each body is
// capped (lib/http/body-limit.ts), but a thousand connections each sending a capped body and then
// stalling once made the server hold a gigabyte before any of them was authenticated. A body
// reserves its bytes here before one is kept and gives them back once its request is answered (or
// refused, or its connection drops); when the total is spent, a new body is refused with 503.

export type TBodyBudget = {
  /** Takes `bytes` from the budget if they fit; false (and nothing taken) if they do not. */
  tryReserve(bytes: number): boolean;
  release(bytes: number): void;
  /** Bytes reserved right now. */
  readonly reserved: number;
  readonly total: number;
};

export function createBodyBudget(total: number): TBodyBudget {
  let reserved = 0;
  return {
    tryReserve(bytes) {
      if (reserved + bytes > total) return false;
      reserved += bytes;
      return true;
    },
    release(bytes) {
      // Never below zero: a double release would otherwise quietly raise the budget.
      reserved = Math.max(0, reserved - bytes);
    },
    get reserved() {
      return reserved;
    },
    total,
  };
}
