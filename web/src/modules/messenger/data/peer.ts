export type Signal = { type: "offer" | "answer" | "ice"; sdp?: string; candidate?: RTCIceCandidateInit };

export interface PeerHooks {
  signal(to: string, signal: Signal): void;
  stream(connId: string, stream: MediaStream): void;
  state(connId: string, state: RTCPeerConnectionState): void;
}

/**
 * One leg of the full mesh. The offerer creates an audio and a video transceiver up front, so muting,
 * turning the camera off or sharing the screen later only swaps tracks (replaceTrack) without a new
 * negotiation. Signals are handled strictly one after another; early ICE candidates wait for the
 * remote description.
 */
export class Peer {
  readonly pc: RTCPeerConnection;
  private chain: Promise<void> = Promise.resolve();
  private early: RTCIceCandidateInit[] = [];
  private remote: MediaStream | null = null;
  private override: Partial<Record<"audio" | "video", MediaStreamTrack | null>> = {};

  constructor(
    readonly connId: string,
    readonly userId: string,
    private local: MediaStream,
    iceServers: RTCIceServer[],
    private hooks: PeerHooks,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.onicecandidate = (e) => e.candidate && hooks.signal(connId, { type: "ice", candidate: e.candidate.toJSON() });
    this.pc.ontrack = (e) => {
      const stream = e.streams[0] ?? (this.remote ??= new MediaStream());
      if (!e.streams[0] && !stream.getTracks().includes(e.track)) stream.addTrack(e.track);
      hooks.stream(connId, stream);
    };
    this.pc.onconnectionstatechange = () => hooks.state(connId, this.pc.connectionState);
  }

  private run(task: () => Promise<void>) {
    this.chain = this.chain.then(task).catch((e) => console.warn("call: signalling step failed", e));
  }

  offer() {
    this.run(async () => {
      for (const kind of ["audio", "video"] as const) {
        const track = this.track(kind);
        this.pc.addTransceiver(track ?? kind, { direction: "sendrecv", streams: [this.local] });
      }
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      this.hooks.signal(this.connId, { type: "offer", sdp: offer.sdp });
    });
  }

  receive(signal: Signal) {
    this.run(async () => {
      if (signal.type === "offer") {
        await this.pc.setRemoteDescription({ type: "offer", sdp: signal.sdp });
        for (const t of this.pc.getTransceivers()) {
          const kind = t.receiver.track.kind;
          t.direction = "sendrecv";
          await t.sender.replaceTrack(this.track(kind as "audio" | "video"));
          t.sender.setStreams?.(this.local);
        }
        const answer = await this.pc.createAnswer();
        await this.pc.setLocalDescription(answer);
        this.hooks.signal(this.connId, { type: "answer", sdp: answer.sdp });
        await this.flushEarly();
      } else if (signal.type === "answer") {
        await this.pc.setRemoteDescription({ type: "answer", sdp: signal.sdp });
        await this.flushEarly();
      } else if (signal.candidate) {
        if (this.pc.remoteDescription) await this.pc.addIceCandidate(signal.candidate);
        else this.early.push(signal.candidate);
      }
    });
  }

  private track(kind: "audio" | "video"): MediaStreamTrack | null {
    return kind in this.override ? (this.override[kind] ?? null) : (this.local.getTracks().find((t) => t.kind === kind) ?? null);
  }

  private async flushEarly() {
    for (const c of this.early.splice(0)) await this.pc.addIceCandidate(c);
  }

  /** Sends this track instead of the current one of its kind (camera ↔ screen, or a new microphone). */
  replace(kind: "audio" | "video", track: MediaStreamTrack | null) {
    this.override[kind] = track;
    this.run(async () => {
      const t = this.pc.getTransceivers().find((x) => x.receiver.track.kind === kind);
      await t?.sender.replaceTrack(track);
    });
  }

  close() {
    this.pc.onicecandidate = this.pc.ontrack = this.pc.onconnectionstatechange = null;
    this.pc.close();
  }
}
