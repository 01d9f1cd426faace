import { Index } from "solid-js";
import { me } from "../../../lib/session";
import { nameOf, person } from "../data/people";
import { useChat } from "../chat/context";
import { VideoTile } from "./VideoTile";
import { CallControls } from "./CallControls";
import { t, tp } from "../i18n";

const GRID: Record<number, string> = { 1: "grid-cols-1", 2: "grid-cols-1 sm:grid-cols-2", 3: "grid-cols-2", 4: "grid-cols-2" };

/** The call on top of the conversation: everyone's video in a grid (me included), the controls below. */
export function CallView() {
  const ctx = useChat();
  const c = ctx.call;
  const stateOf = (connId: string) => ctx.room.participants().find((p) => p.connId === connId);
  const count = () => c.remotes().length + 1;
  return (
    <section class="flex h-[52vh] min-h-[260px] shrink-0 flex-col gap-3 bg-[#0f1620] p-3" aria-label={t("call.title")} data-testid="call-view">
      <div class="flex items-center gap-2 px-1 text-[12.5px] text-white/80">
        <span class="h-2 w-2 rounded-full bg-[#4cc38a]" />
        <span class="font-medium text-white">{ctx.detail().chat.title}</span>
        <span>· {tp("call.inCall", count())}</span>
      </div>
      <div class={`grid min-h-0 flex-1 gap-2 ${GRID[Math.min(count(), 4)]} ${count() > 2 ? "grid-rows-2" : ""}`}>
        <VideoTile userId={ctx.me} name={me()!.user.name} hasPhoto={me()!.user.hasPhoto} stream={c.local()} local muted={c.muted()} camera={c.camera()} screen={c.screen()} />
        <Index each={c.remotes()}>
          {(r) => (
            <VideoTile
              userId={r().userId}
              name={nameOf(r().userId)}
              hasPhoto={person(r().userId)?.hasPhoto}
              stream={r().stream}
              muted={stateOf(r().connId)?.muted ?? false}
              camera={stateOf(r().connId)?.camera ?? true}
              screen={stateOf(r().connId)?.screen ?? false}
              connecting={r().state !== "connected"}
            />
          )}
        </Index>
      </div>
      <CallControls />
    </section>
  );
}
