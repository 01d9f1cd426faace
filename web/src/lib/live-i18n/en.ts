/** Shell strings of the live link: the connection indicator, counter badges and notification texts. */
export const en = {
  status: {
    connecting: "Reconnecting…",
    offline: "Offline",
    connectingHint: "Live updates are paused; they resume on their own.",
    offlineHint: "No connection. Changes appear as soon as it is back.",
  },
  badge: "{{ n }} new",
  types: {
    "feed.mention": "{{ authorName }} mentioned you in a post: “{{ excerpt }}”",
    "feed.comment": "{{ authorName }} commented on your post: “{{ excerpt }}”",
    "feed.poll_vote": "{{ authorName }} voted in your poll “{{ question }}”",
    "chat.mention": "You were mentioned in a chat: “{{ excerpt }}”",
    "calendar.invited": "{{ organizerName }} invited you to “{{ title }}” on {{ when }}",
    "calendar.updated": "“{{ title }}” was changed; it now starts {{ when }}",
    "calendar.cancelled": "“{{ title }}” on {{ when }} was cancelled",
    "calendar.answer_accepted": "{{ userName }} accepted “{{ title }}”",
    "calendar.answer_declined": "{{ userName }} declined “{{ title }}”",
    "calendar.answer_maybe": "{{ userName }} might come to “{{ title }}”",
    "calendar.guest_answer_accepted": "Guest {{ guestName }} accepted “{{ title }}”",
    "calendar.guest_answer_declined": "Guest {{ guestName }} declined “{{ title }}”",
    "calendar.reminder": "Reminder: “{{ title }}” starts {{ when }}",
    seats_exhausted: "{{ userName }} cannot use the business tools: all {{ limit }} business seats are taken. Free a seat or change the plan.",
    seats_over_limit: "The {{ plan }} plan has {{ limit }} business seats, but {{ holders }} people hold one. Free seats or change the plan.",
    registration_pending: "{{ userName }} ({{ email }}) asked to join the portal and waits for your approval.",
  },
};
