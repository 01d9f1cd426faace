/** Russian: the main strings; the rest falls back to English. */
const plural = (one: string, few: string, many: string) => ({ one, few, many, other: many });

export const ru = {
  title: "Лента",
  subtitle: "Новости и события компании",
  composer: { new: "Новый пост", open: "Поделитесь новостью, задайте вопрос, создайте опрос…", publish: "Опубликовать", cancel: "Отмена", addPoll: "Опрос", restricted: "Писать всей компании могут только выбранные сотрудники. Выберите отделы или людей." },
  audience: { to: "Кому", company: "Вся компания", departments: "Отделы", people: "Сотрудники", add: "Добавить получателей", none: "Выберите, кто увидит пост" },
  poll: { question: "Вопрос", answer: "Ответ {{ n }}", addAnswer: "Добавить ответ", multiple: "Несколько ответов", vote: "Голосовать", changeVote: "Изменить голос", hidden: "Результаты видны после голосования.", voters: plural("{{ n }} человек проголосовал", "{{ n }} человека проголосовали", "{{ n }} человек проголосовали") },
  post: { like: "Нравится", liked: "Нравится", comment: "Комментировать", edit: "Изменить", delete: "Удалить", save: "Сохранить", cancel: "Отмена", edited: "изменено", likes: plural("{{ n }} отметка", "{{ n }} отметки", "{{ n }} отметок"), comments: plural("{{ n }} комментарий", "{{ n }} комментария", "{{ n }} комментариев") },
  comments: { showAll: "Показать все комментарии ({{ n }})", placeholder: "Написать комментарий…", send: "Отправить", like: "Нравится", edit: "Изменить", delete: "Удалить" },
  list: { newPosts: plural("{{ n }} новый пост", "{{ n }} новых поста", "{{ n }} новых постов"), emptyTitle: "В ленте пока пусто", emptyAction: "Написать первый пост", filteredTitle: "Нет постов по этим фильтрам", backToFeed: "Показать всю ленту" },
  filters: { author: "Автор", anyAuthor: "Любой автор", all: "Всё", posts: "Посты", events: "События", anyDepartment: "Все отделы", from: "С", to: "По", mentionsMe: "Упоминания меня", clear: "Сбросить фильтры" },
};
