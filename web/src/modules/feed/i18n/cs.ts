/** Czech: the main strings; the rest falls back to English. */
const plural = (one: string, few: string, other: string) => ({ one, few, many: other, other });

export const cs = {
  title: "Zprávy",
  subtitle: "Novinky a dění ve firmě",
  composer: { new: "Nový příspěvek", open: "Sdílejte novinku, položte otázku, založte anketu…", publish: "Zveřejnit", cancel: "Zrušit", addPoll: "Anketa", restricted: "Psát celé firmě mohou jen vybraní lidé. Zvolte oddělení nebo osoby." },
  audience: { to: "Komu", company: "Celá firma", departments: "Oddělení", people: "Lidé", add: "Přidat příjemce", none: "Zvolte, kdo příspěvek uvidí" },
  poll: { question: "Otázka", answer: "Odpověď {{ n }}", addAnswer: "Přidat odpověď", multiple: "Povolit více odpovědí", vote: "Hlasovat", changeVote: "Změnit hlas", hidden: "Výsledky uvidíte po hlasování.", voters: plural("Hlasoval {{ n }} člověk", "Hlasovali {{ n }} lidé", "Hlasovalo {{ n }} lidí") },
  post: { like: "To se mi líbí", liked: "To se mi líbí", comment: "Komentovat", edit: "Upravit", delete: "Smazat", save: "Uložit", cancel: "Zrušit", edited: "upraveno", likes: plural("{{ n }} lajk", "{{ n }} lajky", "{{ n }} lajků"), comments: plural("{{ n }} komentář", "{{ n }} komentáře", "{{ n }} komentářů") },
  comments: { showAll: "Zobrazit všech {{ n }} komentářů", placeholder: "Napište komentář…", send: "Odeslat", like: "To se mi líbí", edit: "Upravit", delete: "Smazat" },
  list: { newPosts: plural("{{ n }} nový příspěvek", "{{ n }} nové příspěvky", "{{ n }} nových příspěvků"), emptyTitle: "Zatím tu nic není", emptyAction: "Napsat první příspěvek", filteredTitle: "Filtrům neodpovídá žádný příspěvek", backToFeed: "Zobrazit všechny zprávy" },
  filters: { author: "Autor", anyAuthor: "Jakýkoli autor", all: "Vše", posts: "Příspěvky", events: "Aktivita", anyDepartment: "Všechna oddělení", from: "Od", to: "Do", mentionsMe: "Zmiňují mě", clear: "Zrušit filtry" },
};
