import { Show, createEffect } from "solid-js";
import MicOff from "lucide-solid/icons/mic-off";
import MonitorUp from "lucide-solid/icons/monitor-up";
import LoaderCircle from "lucide-solid/icons/loader-circle";
import { Avatar } from "../../../ui/Avatar";
import { t } from "../i18n";

/** One person in the call: their video (or avatar when the camera is off), name, and mic state. */
export function VideoTile(props: {
  userId: string;
  name: string;
  hasPhoto?: boolean;
  stream: MediaStream | null;
  local?: boolean;
  muted: boolean;
  camera: boolean;
  screen: boolean;
  connecting?: boolean;
}) {
  let video!: HTMLVideoElement;
  createEffect(() => {
    const s = props.stream;
    if (video.srcObject !== s) video.srcObject = s;
    if (s) void video.play().catch(() => undefined);
  });
  return (
    <div class="relative flex min-h-0 min-w-0 items-center justify-center overflow-hidden rounded-xl bg-[#1b2330]" data-testid={props.local ? "local-tile" : "remote-tile"}>
      <video
        ref={video}
        autoplay
        playsinline
        muted={props.local}
        class={`h-full w-full ${props.screen ? "object-contain" : "object-cover"} ${props.local && !props.screen ? "-scale-x-100" : ""} ${props.camera || props.screen ? "" : "invisible"}`}
        data-testid={props.local ? "local-video" : "remote-video"}
        data-user={props.userId}
      />
      <Show when={!props.camera && !props.screen}>
        <div class="absolute inset-0 flex items-center justify-center">
          <Avatar id={props.userId} name={props.name} hasPhoto={props.hasPhoto} size="lg" />
        </div>
      </Show>
      <Show when={props.connecting}>
        <div class="absolute right-2 top-2 flex items-center gap-1 rounded-full bg-black/50 px-2 py-0.5 text-[11px] text-white">
          <LoaderCircle size={12} class="animate-spin" /> {t("call.connecting")}
        </div>
      </Show>
      <div class="absolute bottom-2 left-2 flex max-w-[85%] items-center gap-1.5 rounded-md bg-black/55 px-2 py-1 text-[12px] font-medium text-white">
        <Show when={props.muted}>
          <MicOff size={12} class="text-red-300" aria-label={t("call.muted")} />
        </Show>
        <Show when={props.screen}>
          <MonitorUp size={12} aria-label={t("call.screen")} />
        </Show>
        <span class="truncate">{props.local ? t("call.you") : props.name}</span>
      </div>
    </div>
  );
}
