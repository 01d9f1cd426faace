import { createContext, useContext } from "solid-js";
import type { FeedStore } from "./store";
import type { FeedActions } from "./actions";

/** The feed page's store and actions, for every card without passing them down by hand. */
export const FeedContext = createContext<{ store: FeedStore; actions: FeedActions }>();

export function useFeed() {
  const ctx = useContext(FeedContext);
  if (!ctx) throw new Error("useFeed outside the feed page");
  return ctx;
}

/** The class of something that just changed under the reader's eyes (a short highlight). */
export const flashClass = (on: boolean) => (on ? "bg-warning-soft transition-colors duration-700" : "transition-colors duration-700");
