import { For, Show, createEffect, createSignal, on, onCleanup, onMount } from "solid-js";
import { useSearchParams } from "@solidjs/router";
import Search from "lucide-solid/icons/search";
import UserSearch from "lucide-solid/icons/user-search";
import { t } from "../../lib/i18n";
import { api, call } from "../../lib/api";
import { toastError } from "../../lib/toast";
import { ListSkeleton } from "../../ui/Skeleton";
import { EmptyState } from "../../ui/EmptyState";
import { Select } from "../../ui/Select";
import { departmentOptions, departments, type Person } from "./data";
import { PersonRow } from "./PersonRow";

const PAGE = 30;

/** STRUCT-2: everyone in the company, searched as you type, loaded page by page as you scroll. */
export default function Directory() {
  const [params, setParams] = useSearchParams<{ q?: string; dept?: string }>();
  const [input, setInput] = createSignal(String(params.q ?? ""));
  const [items, setItems] = createSignal<Person[] | null>(null);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  let generation = 0;

  async function load(reset: boolean) {
    const gen = reset ? ++generation : generation;
    if (!reset) setLoadingMore(true);
    try {
      const r = await call(
        api.people.users.$get({ query: { q: params.q || undefined, departmentId: params.dept || undefined, cursor: reset ? undefined : (cursor() ?? undefined), limit: String(PAGE) } }),
      );
      if (gen !== generation) return;
      setItems((prev) => (reset || !prev ? r.items : [...prev, ...r.items]));
      setCursor(r.nextCursor);
    } catch (e) {
      toastError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  createEffect(on(() => [params.q, params.dept], () => void load(true)));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const onSearch = (v: string) => {
    setInput(v);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ q: v.trim() || undefined }, { replace: true }), 250);
  };

  let sentinel!: HTMLDivElement;
  onMount(() => {
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && cursor() && !loadingMore()) void load(false);
    }, { rootMargin: "300px" });
    io.observe(sentinel);
    onCleanup(() => io.disconnect());
  });

  const deptOptions = () => [{ value: "", label: t("company.allDepartments") }, ...departmentOptions(departments() ?? [])];
  return (
    <div class="p-4 md:p-6">
      <div class="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div class="relative flex-1">
          <label for="dir-search" class="sr-only">{t("company.searchLabel")}</label>
          <Search size={15} class="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-muted" aria-hidden="true" />
          <input id="dir-search" type="search" class="k-input pl-9" placeholder={t("company.searchPlaceholder")} value={input()} onInput={(e) => onSearch(e.currentTarget.value)} data-testid="directory-search" autocomplete="off" />
        </div>
        <Select class="sm:w-64" label={t("company.department")} hideLabel options={deptOptions()} value={String(params.dept ?? "")} onChange={(v) => setParams({ dept: v || undefined }, { replace: true })} testId="directory-dept" />
      </div>
      <div class="k-card mt-4">
        <Show when={items()} fallback={<ListSkeleton rows={8} />}>
          <Show when={items()!.length} fallback={<EmptyState icon={<UserSearch size={22} />} title={t("company.noResults")} text={t("company.noResultsText")} />}>
            <ul class="divide-y divide-line" data-testid="directory-list" aria-live="polite">
              <For each={items()}>{(p) => <PersonRow person={p} />}</For>
            </ul>
          </Show>
        </Show>
        <Show when={loadingMore()}>
          <ListSkeleton rows={2} />
        </Show>
      </div>
      <div ref={sentinel} class="h-px" aria-hidden="true" />
    </div>
  );
}
