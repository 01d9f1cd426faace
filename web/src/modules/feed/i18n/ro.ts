/** Romanian: the main strings; the rest falls back to English. */
const plural = (one: string, few: string, other: string) => ({ one, few, other });

export const ro = {
  title: "Flux",
  subtitle: "Noutăți și activitate în companie",
  composer: { new: "Postare nouă", open: "Împărtășiți o noutate, puneți o întrebare, creați un sondaj…", publish: "Publică", cancel: "Anulează", addPoll: "Sondaj", restricted: "Doar persoanele alese pot posta pentru întreaga companie. Alegeți departamente sau persoane." },
  audience: { to: "Către", company: "Întreaga companie", departments: "Departamente", people: "Persoane", add: "Adaugă destinatari", none: "Alegeți cine vede postarea" },
  poll: { question: "Întrebare", answer: "Răspunsul {{ n }}", addAnswer: "Adaugă un răspuns", multiple: "Permite mai multe răspunsuri", vote: "Votează", changeVote: "Schimbă votul", hidden: "Rezultatele apar după ce votați.", voters: plural("{{ n }} persoană a votat", "{{ n }} persoane au votat", "{{ n }} de persoane au votat") },
  post: { like: "Îmi place", liked: "Îmi place", comment: "Comentează", edit: "Editează", delete: "Șterge", save: "Salvează", cancel: "Anulează", edited: "editat", likes: plural("{{ n }} apreciere", "{{ n }} aprecieri", "{{ n }} de aprecieri"), comments: plural("{{ n }} comentariu", "{{ n }} comentarii", "{{ n }} de comentarii") },
  comments: { showAll: "Arată toate cele {{ n }} comentarii", placeholder: "Scrieți un comentariu…", send: "Trimite", like: "Îmi place", edit: "Editează", delete: "Șterge" },
  list: { newPosts: plural("{{ n }} postare nouă", "{{ n }} postări noi", "{{ n }} de postări noi"), emptyTitle: "Nimic în flux deocamdată", emptyAction: "Scrieți prima postare", filteredTitle: "Nicio postare pentru aceste filtre", backToFeed: "Arată tot fluxul" },
  filters: { author: "Autor", anyAuthor: "Orice autor", all: "Tot", posts: "Postări", events: "Activitate", anyDepartment: "Toate departamentele", from: "De la", to: "Până la", mentionsMe: "Mă menționează", clear: "Șterge filtrele" },
};
