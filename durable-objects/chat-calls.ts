import type { ChatRoom } from "./chat-room";
import type { CallParticipant, ChatClientFrame } from "./protocol";

export const MAX_CALL_PARTICIPANTS = 4;

type CallFrame = Extract<ChatClientFrame, { type: `call.${string}` }>;

/**
 * CHAT-5 signalling: the room tracks who is in the call (persisted, so hibernation keeps it) and
 * relays offers, answers and ICE candidates only between current call members. Media is peer to peer.
 */
export class ChatCalls {
  constructor(private room: ChatRoom) {}

  participants(): CallParticipant[] {
    return this.room.sql
      .exec<{ conn_id: string; user_id: string; muted: number; camera: number; screen: number }>("SELECT * FROM call ORDER BY joined_at")
      .toArray()
      .map((r) => ({ connId: r.conn_id, userId: r.user_id, muted: r.muted === 1, camera: r.camera === 1, screen: r.screen === 1 }));
  }

  handle(ws: WebSocket, userId: string, connId: string, frame: CallFrame) {
    const inCall = this.room.sql.exec("SELECT 1 FROM call WHERE conn_id = ?1", connId).toArray().length > 0;
    switch (frame.type) {
      case "call.join": {
        if (inCall) return;
        const count = this.room.sql.exec<{ n: number }>("SELECT count(*) AS n FROM call").one().n;
        if (count >= MAX_CALL_PARTICIPANTS) return this.room.sendFrame(ws, { type: "call.full", max: MAX_CALL_PARTICIPANTS });
        this.room.sql.exec(
          "INSERT INTO call (conn_id, user_id, muted, camera, screen, joined_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
          connId, userId, frame.media.audio ? 0 : 1, frame.media.video ? 1 : 0, Date.now(),
        );
        return this.announce();
      }
      case "call.leave":
        return this.leave(connId);
      case "call.state":
        if (!inCall) return this.room.sendFrame(ws, { type: "error", code: "not_in_call", message: "Join the call first." });
        this.room.sql.exec("UPDATE call SET muted = ?1, camera = ?2, screen = ?3 WHERE conn_id = ?4", frame.muted ? 1 : 0, frame.camera ? 1 : 0, frame.screen ? 1 : 0, connId);
        return this.announce();
      case "call.signal": {
        const target = this.room.sql.exec("SELECT 1 FROM call WHERE conn_id = ?1", frame.to).toArray().length > 0;
        if (!inCall || !target) return this.room.sendFrame(ws, { type: "error", code: "not_in_call", message: "Both sides must be in the call." });
        for (const peer of this.room.sockets()) {
          if ((peer.deserializeAttachment() as { connId: string }).connId === frame.to) {
            this.room.sendFrame(peer, { type: "call.signal", from: userId, fromConn: connId, signal: frame.signal });
          }
        }
      }
    }
  }

  leave(connId: string) {
    const removed = this.room.sql.exec("DELETE FROM call WHERE conn_id = ?1 RETURNING conn_id", connId).toArray().length;
    if (removed) this.announce();
  }

  private announce() {
    this.room.broadcast({ type: "call.participants", participants: this.participants() });
  }
}
