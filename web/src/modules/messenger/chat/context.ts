import { createContext, useContext, type Accessor } from "solid-js";
import type { Room } from "../data/room";
import type { Call } from "../data/call";
import type { ChatDetail, ChatMessage } from "../data/types";

export interface ChatCtx {
  me: string;
  detail: Accessor<ChatDetail>;
  room: Room;
  call: Call;
  replyTo: Accessor<ChatMessage | null>;
  setReplyTo: (m: ChatMessage | null) => void;
  editing: Accessor<ChatMessage | null>;
  setEditing: (m: ChatMessage | null) => void;
  askDelete: (m: ChatMessage) => void;
  togglePin: (m: ChatMessage) => void;
  react: (m: ChatMessage, emoji: string) => void;
  /** Scrolls to a message, loading older pages if needed; set by the message list. */
  jumpTo: (seq: number) => void;
  setJumpTo: (fn: (seq: number) => void) => void;
  focusComposer: () => void;
  setFocusComposer: (fn: () => void) => void;
}

export const ChatContext = createContext<ChatCtx>();
export function useChat(): ChatCtx {
  const ctx = useContext(ChatContext);
  if (!ctx) throw new Error("useChat outside a conversation");
  return ctx;
}
