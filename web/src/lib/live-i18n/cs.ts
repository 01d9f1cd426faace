import type { en } from "./en";

type Partial2<T> = { [K in keyof T]?: T[K] extends string ? string : Partial2<T[K]> };

export const cs: Partial2<typeof en> = {
  status: { connecting: "Obnovuje se spojení…", offline: "Offline", offlineHint: "Bez připojení. Změny se zobrazí, jakmile se obnoví." },
  badge: "{{ n }} nové",
  types: {
    "feed.mention": "{{ authorName }} vás zmínil(a) v příspěvku: „{{ excerpt }}“",
    "feed.comment": "{{ authorName }} okomentoval(a) váš příspěvek: „{{ excerpt }}“",
    "feed.poll_vote": "{{ authorName }} hlasoval(a) ve vaší anketě „{{ question }}“",
    "chat.mention": "Byli jste zmíněni v chatu: „{{ excerpt }}“",
    "calendar.invited": "{{ organizerName }} vás zve na „{{ title }}“ {{ when }}",
    "calendar.cancelled": "„{{ title }}“ {{ when }} bylo zrušeno",
    "calendar.reminder": "Připomínka: „{{ title }}“ začíná {{ when }}",
  },
};
