import type { en } from "./en";

type Partial2<T> = { [K in keyof T]?: T[K] extends string ? string : Partial2<T[K]> };

export const ru: Partial2<typeof en> = {
  status: { connecting: "Переподключение…", offline: "Нет связи", offlineHint: "Нет соединения. Изменения появятся, как только оно вернётся." },
  badge: "новых: {{ n }}",
  types: {
    "feed.mention": "{{ authorName }} упомянул(а) вас в посте: «{{ excerpt }}»",
    "feed.comment": "{{ authorName }} прокомментировал(а) ваш пост: «{{ excerpt }}»",
    "feed.poll_vote": "{{ authorName }} проголосовал(а) в вашем опросе «{{ question }}»",
    "chat.mention": "Вас упомянули в чате: «{{ excerpt }}»",
    "calendar.invited": "{{ organizerName }} приглашает вас на «{{ title }}» {{ when }}",
    "calendar.cancelled": "«{{ title }}» {{ when }} отменено",
    "calendar.reminder": "Напоминание: «{{ title }}» начинается {{ when }}",
  },
};
