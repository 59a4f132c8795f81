"use client";

import { type ReactNode, useMemo } from "react";
import { LiveContext, type TLiveListener } from "@/lib/queries/live-context";
import { useLiveStream } from "@/lib/queries/use-live-stream";

/** Keeps the pages under it live (lib/queries/use-live-stream.ts): one stream for the whole tab. */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const listeners = useMemo(() => new Set<TLiveListener>(), []);
  useLiveStream(listeners);
  const value = useMemo(
    () => ({
      subscribe: (listener: TLiveListener) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    }),
    [listeners],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
