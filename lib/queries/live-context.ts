import { createContext } from "react";
import type { TLiveTopic } from "../live/topics";

export type TLiveListener = (topics: ReadonlySet<TLiveTopic>) => void;

/**
 * How a component hears of changes itself, beyond the queries the stream re-reads for it (the
 * delivery log decides on its own whether new rows may move under the pointer). Null outside
 * <LiveUpdates>: nothing is live there.
 */
export const LiveContext = createContext<{ subscribe: (listener: TLiveListener) => () => void } | null>(null);
