import { Index, Show, createSignal, onMount } from "solid-js";
import Plus from "lucide-solid/icons/plus";
import X from "lucide-solid/icons/x";
import ChartBar from "lucide-solid/icons/chart-bar";
import { ft } from "./i18n";

export type PollDraft = { question: string; options: string[]; multiple: boolean };
export const MAX_ANSWERS = 20;

type Schema = (typeof import("../../../../worker/modules/feed/schemas"))["pollSchema"];
const [schema, setSchema] = createSignal<Schema>();
/** The server's own schema (and zod with it) loads only when someone starts a poll, not with the home page. */
const loadSchema = () => void import("../../../../worker/modules/feed/schemas").then((m) => setSchema(() => m.pollSchema));

/** The problems of a draft poll, checked with the server's schema, in the words the reader sees. */
export function pollErrors(p: PollDraft): { question?: string; options?: string } {
  const answers = p.options.filter((o) => o.trim());
  const s = schema();
  const r = s?.safeParse({ ...p, options: answers });
  const at = (f: string) => (r ? !r.success && r.error.issues.some((i) => i.path[0] === f) : f === "question" ? !p.question.trim() : answers.length < 2);
  return { question: at("question") ? ft("poll.needQuestion") : undefined, options: at("options") ? ft("poll.needTwo") : undefined };
}

/** Question, 2–20 answers, one or several choices. */
export function PollBuilder(props: { value: PollDraft; onChange: (p: PollDraft) => void; onRemove: () => void; showErrors: boolean }) {
  onMount(loadSchema);
  const set = (patch: Partial<PollDraft>) => props.onChange({ ...props.value, ...patch });
  const setOption = (i: number, v: string) => set({ options: props.value.options.map((o, j) => (j === i ? v : o)) });
  const errors = () => (props.showErrors ? pollErrors(props.value) : {});
  return (
    <fieldset class="rounded-md border border-line bg-subtle/40 p-3" data-testid="poll-builder">
      <legend class="sr-only">{ft("composer.addPoll")}</legend>
      <div class="flex items-center gap-2">
        <ChartBar size={16} class="shrink-0 text-accent" aria-hidden="true" />
        <input
          class="k-input h-8 flex-1 font-medium"
          placeholder={ft("poll.question")}
          aria-label={ft("poll.question")}
          aria-invalid={errors().question ? "true" : "false"}
          maxLength={300}
          value={props.value.question}
          onInput={(e) => set({ question: e.currentTarget.value })}
          data-testid="poll-question"
        />
        <button type="button" class="rounded p-1.5 text-muted hover:bg-subtle" aria-label={ft("composer.removePoll")} title={ft("composer.removePoll")} onClick={props.onRemove}>
          <X size={15} />
        </button>
      </div>
      <Show when={errors().question}>
        <p role="alert" class="mt-1 pl-6 text-[12px] text-danger">{errors().question}</p>
      </Show>
      <ol class="mt-2 space-y-1.5 pl-6">
        <Index each={props.value.options}>
          {(o, i) => (
            <li class="flex items-center gap-2">
              <input
                class="k-input h-8 flex-1 text-[13px]"
                placeholder={ft("poll.answer", { n: i + 1 })}
                aria-label={ft("poll.answer", { n: i + 1 })}
                maxLength={200}
                value={o()}
                onInput={(e) => setOption(i, e.currentTarget.value)}
                data-testid="poll-option"
              />
              <Show when={props.value.options.length > 2}>
                <button type="button" class="rounded p-1 text-muted hover:bg-subtle" aria-label={ft("poll.removeAnswer", { n: i + 1 })} onClick={() => set({ options: props.value.options.filter((_, j) => j !== i) })}>
                  <X size={14} />
                </button>
              </Show>
            </li>
          )}
        </Index>
      </ol>
      <Show when={errors().options}>
        <p role="alert" class="mt-1 pl-6 text-[12px] text-danger">{errors().options}</p>
      </Show>
      <div class="mt-2 flex flex-wrap items-center justify-between gap-2 pl-6">
        <Show when={props.value.options.length < MAX_ANSWERS} fallback={<span />}>
          <button type="button" class="inline-flex items-center gap-1 text-[13px] font-medium text-accent hover:underline" onClick={() => set({ options: [...props.value.options, ""] })}>
            <Plus size={14} /> {ft("poll.addAnswer")}
          </button>
        </Show>
        <label class="flex items-center gap-2 text-[13px]">
          <input type="checkbox" class="accent-[var(--k-accent)]" checked={props.value.multiple} onChange={(e) => set({ multiple: e.currentTarget.checked })} />
          {ft("poll.multiple")}
        </label>
      </div>
    </fieldset>
  );
}
