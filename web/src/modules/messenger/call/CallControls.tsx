import type { JSX } from "solid-js";
import Mic from "lucide-solid/icons/mic";
import MicOff from "lucide-solid/icons/mic-off";
import Video from "lucide-solid/icons/video";
import VideoOff from "lucide-solid/icons/video-off";
import MonitorUp from "lucide-solid/icons/monitor-up";
import PhoneOff from "lucide-solid/icons/phone-off";
import { useChat } from "../chat/context";
import { t } from "../i18n";

function Control(props: { label: string; on?: boolean; danger?: boolean; disabled?: boolean; onClick: () => void; children: JSX.Element; testId: string }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.on}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
      class={`inline-flex h-11 w-11 items-center justify-center rounded-full transition-colors disabled:opacity-40 ${
        props.danger ? "bg-[#d93a3a] text-white hover:bg-[#c12f2f]" : props.on ? "bg-white text-[#15202f]" : "bg-white/15 text-white hover:bg-white/25"
      }`}
    >
      {props.children}
    </button>
  );
}

/** Microphone, camera, screen sharing and leaving, under the video grid. */
export function CallControls() {
  const c = useChat().call;
  const canShare = typeof navigator !== "undefined" && !!navigator.mediaDevices?.getDisplayMedia;
  return (
    <div class="flex items-center justify-center gap-3" role="toolbar" aria-label={t("call.title")}>
      <Control label={c.muted() ? t("call.unmute") : t("call.mute")} on={c.muted()} onClick={c.toggleMute} testId="call-mute">
        {c.muted() ? <MicOff size={19} /> : <Mic size={19} />}
      </Control>
      <Control label={c.camera() ? t("call.cameraOff") : t("call.cameraOn")} on={!c.camera()} disabled={!c.hasCamera()} onClick={c.toggleCamera} testId="call-camera">
        {c.camera() ? <Video size={19} /> : <VideoOff size={19} />}
      </Control>
      <Control label={c.screen() ? t("call.stopShare") : t("call.shareScreen")} on={c.screen()} disabled={!canShare} onClick={() => void c.toggleScreen()} testId="call-screen">
        <MonitorUp size={19} />
      </Control>
      <Control label={t("call.leave")} danger onClick={c.leave} testId="call-leave">
        <PhoneOff size={19} />
      </Control>
    </div>
  );
}
