import type { en } from "./en";

type Partial2<T> = { [K in keyof T]?: T[K] extends string ? string : Partial2<T[K]> };

export const ro: Partial2<typeof en> = {
  status: { connecting: "Se reconectează…", offline: "Offline", offlineHint: "Nicio conexiune. Modificările apar imediat ce revine." },
  badge: "{{ n }} noi",
  types: {
    "feed.mention": "{{ authorName }} v-a menționat într-o postare: „{{ excerpt }}”",
    "feed.comment": "{{ authorName }} a comentat postarea dvs.: „{{ excerpt }}”",
    "feed.poll_vote": "{{ authorName }} a votat în sondajul dvs. „{{ question }}”",
    "chat.mention": "Ați fost menționat într-un chat: „{{ excerpt }}”",
    "calendar.invited": "{{ organizerName }} vă invită la „{{ title }}” pe {{ when }}",
    "calendar.cancelled": "„{{ title }}” din {{ when }} a fost anulat",
    "calendar.reminder": "Memento: „{{ title }}” începe {{ when }}",
  },
};
