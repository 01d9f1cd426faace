import { For } from "solid-js";

export function Skeleton(props: { class?: string }) {
  return <div class={`k-skeleton ${props.class ?? "h-4 w-full"}`} aria-hidden="true" />;
}

/** Rows of grey bars while a list loads. */
export function ListSkeleton(props: { rows?: number }) {
  return (
    <div class="divide-y divide-line" role="status" aria-busy="true">
      <For each={Array.from({ length: props.rows ?? 6 })}>
        {() => (
          <div class="flex items-center gap-3 px-4 py-2.5">
            <div class="k-skeleton h-8 w-8 rounded-full" />
            <div class="flex-1 space-y-1.5">
              <div class="k-skeleton h-3 w-1/3" />
              <div class="k-skeleton h-3 w-1/4" />
            </div>
          </div>
        )}
      </For>
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div class="space-y-4 p-6" role="status" aria-busy="true">
      <div class="k-skeleton h-6 w-48" />
      <div class="k-card">
        <ListSkeleton rows={5} />
      </div>
    </div>
  );
}
