import { createSignal } from "solid-js";

const SEND_EVERY = 2500;
const SHOW_FOR = 4500;

/** Who is typing (ephemeral, never stored), and our own typing signal, throttled. */
export function createTyping(me: string) {
  const [until, setUntil] = createSignal<Record<string, number>>({});
  const [now, setNow] = createSignal(Date.now());
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tick = () => {
    setNow(Date.now());
    const next = Object.values(until()).filter((t) => t > Date.now());
    clearTimeout(timer);
    if (next.length) timer = setTimeout(tick, Math.min(...next) - Date.now() + 20);
  };

  return {
    users: () => Object.entries(until()).filter(([, t]) => t > now()).map(([id]) => id),
    saw(userId: string) {
      if (userId === me) return;
      setUntil((u) => ({ ...u, [userId]: Date.now() + SHOW_FOR }));
      tick();
    },
    stopped(userId: string) {
      if (!until()[userId]) return;
      setUntil(({ [userId]: _gone, ...rest }) => rest);
      tick();
    },
    mine(send: (f: { type: "typing" }) => unknown) {
      if (Date.now() - lastSent < SEND_EVERY) return;
      lastSent = Date.now();
      send({ type: "typing" });
    },
    dispose: () => clearTimeout(timer),
  };
}
