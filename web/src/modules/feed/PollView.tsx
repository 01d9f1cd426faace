import { For, Show, createSignal, createUniqueId } from "solid-js";
import ChartBar from "lucide-solid/icons/chart-bar";
import Check from "lucide-solid/icons/check";
import { Button } from "../../ui/Button";
import { formatNumber } from "../../lib/format";
import type { Post } from "./api";
import { useFeed } from "./context";
import { ft, ftp } from "./i18n";

/** A poll: choose and vote; the results (bars with counts) show only after voting, as the API decides. */
export function PollView(props: { post: Post }) {
  const { actions } = useFeed();
  const name = createUniqueId();
  const poll = () => props.post.poll!;
  const [changing, setChanging] = createSignal(false);
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const results = () => poll().totalVoters !== null && !changing();
  const total = () => poll().options.reduce((n, o) => n + (o.votes ?? 0), 0);
  const pick = (id: string, on: boolean) => setChosen((c) => (poll().multiple ? (on ? [...c, id] : c.filter((x) => x !== id)) : [id]));
  const vote = async () => {
    setBusy(true);
    await actions.vote(props.post, chosen());
    setBusy(false);
    setChanging(false);
  };
  return (
    <div class="mt-3 rounded-md border border-line p-3" data-testid="poll">
      <div class="flex items-start gap-2">
        <ChartBar size={16} class="mt-0.5 shrink-0 text-accent" aria-hidden="true" />
        <h3 class="font-semibold" id={`${name}-q`}>
          {poll().question}
        </h3>
      </div>
      <Show
        when={results()}
        fallback={
          <fieldset class="mt-2 space-y-1" aria-labelledby={`${name}-q`}>
            <legend class="sr-only">{poll().multiple ? ft("poll.pickMany") : ft("poll.pickOne")}</legend>
            <For each={poll().options}>
              {(o) => (
                <label class="flex cursor-pointer items-center gap-2.5 rounded-md border border-line px-3 py-2 hover:bg-subtle has-[:checked]:border-accent has-[:checked]:bg-accent-soft/50">
                  <input type={poll().multiple ? "checkbox" : "radio"} name={name} class="accent-[var(--k-accent)]" checked={chosen().includes(o.id)} onChange={(e) => pick(o.id, e.currentTarget.checked)} />
                  <span>{o.text}</span>
                </label>
              )}
            </For>
            <div class="flex flex-wrap items-center gap-3 pt-1">
              <Button size="sm" variant="primary" disabled={!chosen().length} busy={busy()} onClick={vote} data-testid="vote">
                {ft("poll.vote")}
              </Button>
              <span class="text-[12px] text-muted">{poll().multiple ? ft("poll.pickMany") : ft("poll.pickOne")} · {ft("poll.hidden")}</span>
            </div>
          </fieldset>
        }
      >
        <ul class="mt-2 space-y-2" aria-labelledby={`${name}-q`}>
          <For each={poll().options}>
            {(o) => {
              const pct = () => (total() ? Math.round(((o.votes ?? 0) / total()) * 100) : 0);
              const mine = () => poll().myVotes.includes(o.id);
              return (
                <li>
                  <div class="flex items-baseline justify-between gap-2 text-[13px]">
                    <span class={`flex items-center gap-1 ${mine() ? "font-semibold" : ""}`}>
                      {o.text}
                      <Show when={mine()}>
                        <Check size={13} class="text-accent" aria-label={ft("poll.yourVote")} />
                      </Show>
                    </span>
                    <span class="tabular-nums text-muted">
                      {formatNumber(o.votes ?? 0)} · {pct()}%
                    </span>
                  </div>
                  <div class="mt-1 h-2 overflow-hidden rounded-full bg-subtle" aria-hidden="true">
                    <div class={`h-full rounded-full transition-[width] duration-500 ${mine() ? "bg-accent" : "bg-accent/40"}`} style={{ width: `${pct()}%` }} />
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
        <div class="mt-2 flex items-center justify-between text-[12px] text-muted">
          <span data-testid="poll-voters">{ftp("poll.voters", poll().totalVoters ?? 0)}</span>
          <button type="button" class="font-medium text-accent hover:underline" onClick={() => (setChosen([...poll().myVotes]), setChanging(true))}>
            {poll().myVotes.length ? ft("poll.changeVote") : ft("poll.vote")}
          </button>
        </div>
      </Show>
    </div>
  );
}
