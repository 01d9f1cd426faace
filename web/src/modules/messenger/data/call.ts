import { createSignal, onCleanup } from "solid-js";
import { api, call } from "../../../lib/api";
import { Peer, type Signal } from "./peer";
import type { Room } from "./room";
import type { CallParticipant } from "./types";

export type CallProblem = "full" | "media" | "offline" | null;
export interface Remote {
  connId: string;
  userId: string;
  stream: MediaStream | null;
  state: RTCPeerConnectionState;
}

let iceServers: RTCIceServer[] | null = null;

/**
 * CHAT-5, full mesh for up to four: the room relays signals between call members. Who offers is decided
 * by the connection ids (the greater offers to the smaller), so two peers never offer to each other.
 */
export function createCall(room: Room, me: string) {
  const [joined, setJoined] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<CallProblem>(null);
  const [local, setLocal] = createSignal<MediaStream | null>(null);
  const [remotes, setRemotes] = createSignal<Remote[]>([]);
  const [muted, setMuted] = createSignal(false);
  const [camera, setCamera] = createSignal(false);
  const [screen, setScreen] = createSignal(false);
  const peers = new Map<string, Peer>();
  let myConn: string | null = null;
  let mineBefore = new Set<string>();
  let media = new MediaStream();
  let cameraTrack: MediaStreamTrack | null = null;
  let screenTrack: MediaStreamTrack | null = null;

  const patchRemote = (connId: string, patch: Partial<Remote>) => setRemotes((l) => l.map((r) => (r.connId === connId ? { ...r, ...patch } : r)));
  const hooks = {
    signal: (to: string, signal: Signal) => room.frame({ type: "call.signal", to, signal }),
    stream: (connId: string, stream: MediaStream) => patchRemote(connId, { stream }),
    state: (connId: string, state: RTCPeerConnectionState) => patchRemote(connId, { state }),
  };

  function peerFor(p: { connId: string; userId: string }) {
    let peer = peers.get(p.connId);
    if (!peer) {
      peer = new Peer(p.connId, p.userId, media, iceServers ?? [], hooks);
      peers.set(p.connId, peer);
      if (screenTrack) peer.replace("video", screenTrack);
      setRemotes((l) => [...l, { connId: p.connId, userId: p.userId, stream: null, state: "new" }]);
    }
    return peer;
  }

  function dropPeers(keep: Set<string> = new Set()) {
    for (const [connId, peer] of peers) {
      if (keep.has(connId)) continue;
      peer.close();
      peers.delete(connId);
    }
    setRemotes((l) => l.filter((r) => keep.has(r.connId)));
  }

  function sendJoin(current: CallParticipant[]) {
    mineBefore = new Set(current.filter((p) => p.userId === me).map((p) => p.connId));
    myConn = null;
    if (!room.frame({ type: "call.join", media: { audio: media.getAudioTracks().length > 0, video: !!cameraTrack } })) setProblem("offline");
  }

  function onParticipants(list: CallParticipant[]) {
    if (!joined()) return;
    // Our own entry is the one with our user id that was not there before we asked to join.
    myConn ??= list.find((p) => p.userId === me && !mineBefore.has(p.connId))?.connId ?? null;
    if (!myConn) return;
    const others = list.filter((p) => p.connId !== myConn);
    dropPeers(new Set(others.map((p) => p.connId)));
    for (const p of others) if (!peers.has(p.connId) && myConn > p.connId) peerFor(p).offer();
  }

  const off = room.onCall((f) => {
    if (f.type === "call.participants") onParticipants(f.participants);
    else if (f.type === "call.signal" && joined()) {
      const s = f.signal as Signal;
      if (s.type === "offer") peerFor({ connId: f.fromConn, userId: f.from }).receive(s);
      else peers.get(f.fromConn)?.receive(s);
    } else if (f.type === "call.full" && joined() && !myConn) {
      stop();
      setProblem("full");
    } else if (f.type === "hello" && joined()) {
      // A new socket after a reconnect: the room dropped our old connection from the call; join again.
      dropPeers();
      sendJoin(f.call);
    }
  });

  async function acquire(): Promise<MediaStream> {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } } });
    } catch {
      try {
        return await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        setProblem("media");
        return new MediaStream();
      }
    }
  }

  async function join() {
    if (joined() || busy()) return;
    setBusy(true);
    setProblem(null);
    try {
      iceServers ??= ((await call(api.chats["ice-servers"].$get())) as unknown as { iceServers?: RTCIceServer[] }).iceServers ?? [];
      media = await acquire();
      cameraTrack = media.getVideoTracks()[0] ?? null;
      setCamera(!!cameraTrack);
      setMuted(media.getAudioTracks().length === 0);
      setLocal(media);
      setJoined(true);
      sendJoin(room.participants());
    } catch {
      setProblem("offline");
    } finally {
      setBusy(false);
    }
  }

  function sendState() {
    room.frame({ type: "call.state", muted: muted(), camera: camera(), screen: screen() });
  }

  function stop() {
    dropPeers();
    for (const t of media.getTracks()) t.stop();
    screenTrack?.stop();
    screenTrack = cameraTrack = null;
    setLocal(null);
    setJoined(false);
    setScreen(false);
    myConn = null;
  }

  function leave() {
    if (!joined()) return;
    room.frame({ type: "call.leave" });
    stop();
  }

  function toggleMute() {
    const next = !muted();
    for (const t of media.getAudioTracks()) t.enabled = !next;
    setMuted(next);
    sendState();
  }

  function toggleCamera() {
    if (!cameraTrack) return;
    const next = !camera();
    cameraTrack.enabled = next;
    setCamera(next);
    sendState();
  }

  function stopScreen() {
    screenTrack?.stop();
    screenTrack = null;
    for (const p of peers.values()) p.replace("video", cameraTrack);
    setLocal(media);
    setScreen(false);
    sendState();
  }

  async function toggleScreen() {
    if (screen()) return stopScreen();
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      screenTrack = display.getVideoTracks()[0];
      screenTrack.onended = () => screen() && stopScreen();
      for (const p of peers.values()) p.replace("video", screenTrack);
      setLocal(new MediaStream([...media.getAudioTracks(), screenTrack]));
      setScreen(true);
      sendState();
    } catch {
      /* the user cancelled the picker */
    }
  }

  onCleanup(() => {
    off();
    leave();
  });

  return { joined, busy, problem, clearProblem: () => setProblem(null), local, remotes, muted, camera, screen, hasCamera: () => !!cameraTrack, join, leave, toggleMute, toggleCamera, toggleScreen };
}

export type Call = ReturnType<typeof createCall>;
