import { Show, createSignal } from "solid-js";
import ChartBar from "lucide-solid/icons/chart-bar";
import { ApiError } from "../../lib/api";
import { me } from "../../lib/session";
import { errorText } from "../../lib/toast";
import { photoVersion } from "../../lib/portal-state";
import { Avatar } from "../../ui/Avatar";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/Field";
import { feedApi, type Post } from "./api";
import { Editor, type EditorHandle } from "./Editor";
import { AudiencePicker, type Pick } from "./AudiencePicker";
import { PollBuilder, pollErrors, type PollDraft } from "./PollBuilder";
import { ft } from "./i18n";

/** Remembered for the tab once the server said so (FEED-6): the whole company is not offered again. */
const [companyLocked, setCompanyLocked] = createSignal(false);

const defaultAudience = (): Pick[] => (companyLocked() || me()?.user.role === "extranet" ? [] : [{ kind: "company", id: "all", name: "" }]);

/** Writes a post: rich text with mentions, an audience, optionally a poll. Collapsed until used. */
export function Composer(props: { onPosted: (p: Post) => void; ref?: (open: () => void) => void }) {
  const [open, setOpen] = createSignal(false);
  const [empty, setEmpty] = createSignal(true);
  const [audience, setAudience] = createSignal<Pick[]>(defaultAudience());
  const [poll, setPoll] = createSignal<PollDraft | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [tried, setTried] = createSignal(false);
  let editor: EditorHandle | undefined;
  const expand = () => (setOpen(true), queueMicrotask(() => editor?.focus()));
  props.ref?.(expand);

  const reset = () => {
    editor?.clear();
    setPoll(null);
    setAudience(defaultAudience());
    setError(undefined);
    setTried(false);
    setOpen(false);
  };


  async function publish() {
    setTried(true);
    const p = poll();
    if (!audience().length) return setError(ft("audience.none"));
    if (empty() && !p) return setError(ft("composer.nothing"));
    if (p && (pollErrors(p).question || pollErrors(p).options)) return;
    setBusy(true);
    setError(undefined);
    const ids = (kind: Pick["kind"]) => audience().filter((a) => a.kind === kind).map((a) => a.id);
    try {
      const post = await feedApi.create({
        text: editor?.html() ?? "",
        audience: { company: audience().some((a) => a.kind === "company"), departmentIds: ids("department"), groupIds: [], userIds: ids("user") },
        mentions: editor?.mentions() ?? [],
        title: "",
        attachments: [],
        poll: p ? { question: p.question.trim(), multiple: p.multiple, options: p.options.map((o) => o.trim()).filter(Boolean) } : undefined,
      });
      props.onPosted(post);
      reset();
    } catch (e) {
      if (e instanceof ApiError && e.code === "posting_restricted") {
        setCompanyLocked(true);
        setAudience((a) => a.filter((x) => x.kind !== "company"));
        setError(ft("composer.restricted"));
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const user = () => me()!.user;
  return (
    <section class="k-card p-3 md:p-4" aria-label={ft("composer.editorLabel")} data-testid="composer">
      <Show
        when={open()}
        fallback={
          <div class="flex items-center gap-3">
            <Avatar id={user().id} name={user().name} hasPhoto={user().hasPhoto} version={photoVersion()} size="sm" />
            <button type="button" class="h-10 min-w-0 flex-1 truncate rounded-full border border-line-strong bg-subtle/60 px-4 text-left text-muted hover:border-accent hover:bg-surface" onClick={expand} data-testid="composer-open">
              {ft("composer.open")}
            </button>
            <Button variant="ghost" size="sm" class="hidden sm:inline-flex" onClick={() => (setPoll({ question: "", options: ["", ""], multiple: false }), expand())}>
              <ChartBar size={15} class="text-accent" /> {ft("composer.addPoll")}
            </Button>
          </div>
        }
      >
        <div class="space-y-3">
          <Editor placeholder={ft("composer.open")} onChange={setEmpty} onSubmit={publish} ref={(h) => (editor = h)} />
          <Show when={poll()}>
            <PollBuilder value={poll()!} onChange={setPoll} onRemove={() => setPoll(null)} showErrors={tried()} />
          </Show>
          <AudiencePicker value={audience()} onChange={(v) => (setAudience(v), setError(undefined))} companyLocked={companyLocked()} invalid={tried() && !audience().length} />
          <FormError message={error()} />
          <div class="flex flex-wrap items-center gap-2 border-t border-line pt-3">
            <Show when={!poll()}>
              <Button variant="ghost" size="sm" onClick={() => setPoll({ question: "", options: ["", ""], multiple: false })} data-testid="poll-add">
                <ChartBar size={15} class="text-accent" /> {ft("composer.addPoll")}
              </Button>
            </Show>
            <div class="flex-1" />
            <Button size="sm" onClick={reset}>
              {ft("composer.cancel")}
            </Button>
            <Button size="sm" variant="primary" busy={busy()} onClick={publish} data-testid="publish">
              {ft("composer.publish")}
            </Button>
          </div>
        </div>
      </Show>
    </section>
  );
}
