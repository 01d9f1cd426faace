import { createResource } from "solid-js";
import { api, call } from "../../lib/api";

/** The head of a department as a small person record (or null). */
export function useHead(id: () => string | null | undefined) {
  const [head] = createResource(
    () => id() ?? false,
    async (userId) => (await call(api.people.users[":id"].$get({ param: { id: userId } }))).user,
  );
  return () => (id() ? head.latest : null);
}
