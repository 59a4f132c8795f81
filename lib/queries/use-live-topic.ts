import { useContext, useEffect, useRef } from "react";
import type { TLiveTopic } from "../live/topics";
import { LiveContext } from "./live-context";

/** Calls `onChange` (the latest one given) whenever the live stream says `topic` changed. */
export function useLiveTopic(topic: TLiveTopic, onChange: () => void): void {
  const live = useContext(LiveContext);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => live?.subscribe((topics) => topics.has(topic) && latest.current()), [live, topic]);
}
