import type { en } from "./en";

export const de: typeof en = {
  status: {
    connecting: "Verbindung wird wiederhergestellt…",
    offline: "Offline",
    connectingHint: "Live-Aktualisierungen pausieren; sie laufen von selbst weiter.",
    offlineHint: "Keine Verbindung. Änderungen erscheinen, sobald sie zurück ist.",
  },
  badge: "{{ n }} neu",
  types: {
    "feed.mention": "{{ authorName }} hat Sie in einem Beitrag erwähnt: „{{ excerpt }}“",
    "feed.comment": "{{ authorName }} hat Ihren Beitrag kommentiert: „{{ excerpt }}“",
    "feed.poll_vote": "{{ authorName }} hat in Ihrer Umfrage „{{ question }}“ abgestimmt",
    "chat.mention": "Sie wurden in einem Chat erwähnt: „{{ excerpt }}“",
    "calendar.invited": "{{ organizerName }} hat Sie zu „{{ title }}“ am {{ when }} eingeladen",
    "calendar.updated": "„{{ title }}“ wurde geändert; Beginn jetzt {{ when }}",
    "calendar.cancelled": "„{{ title }}“ am {{ when }} wurde abgesagt",
    "calendar.answer_accepted": "{{ userName }} hat „{{ title }}“ zugesagt",
    "calendar.answer_declined": "{{ userName }} hat „{{ title }}“ abgesagt",
    "calendar.answer_maybe": "{{ userName }} kommt vielleicht zu „{{ title }}“",
    "calendar.guest_answer_accepted": "Gast {{ guestName }} hat „{{ title }}“ zugesagt",
    "calendar.guest_answer_declined": "Gast {{ guestName }} hat „{{ title }}“ abgesagt",
    "calendar.reminder": "Erinnerung: „{{ title }}“ beginnt {{ when }}",
    seats_exhausted: "{{ userName }} kann die Business-Werkzeuge nicht nutzen: alle {{ limit }} Business-Plätze sind vergeben. Geben Sie einen Platz frei oder wechseln Sie den Tarif.",
    seats_over_limit: "Der Tarif {{ plan }} hat {{ limit }} Business-Plätze, aber {{ holders }} Personen belegen einen. Geben Sie Plätze frei oder wechseln Sie den Tarif.",
    registration_pending: "{{ userName }} ({{ email }}) möchte dem Portal beitreten und wartet auf Ihre Freigabe.",
  },
};
