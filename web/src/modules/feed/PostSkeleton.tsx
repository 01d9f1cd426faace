import { For } from "solid-js";

/** Grey cards the shape of posts while the first page loads. */
export function PostSkeleton(props: { count?: number }) {
  return (
    <div class="space-y-3" role="status" aria-busy="true">
      <For each={Array.from({ length: props.count ?? 3 })}>
        {() => (
          <div class="k-card p-4">
            <div class="flex items-center gap-3">
              <div class="k-skeleton h-10 w-10 rounded-full" />
              <div class="flex-1 space-y-1.5">
                <div class="k-skeleton h-3 w-40" />
                <div class="k-skeleton h-3 w-24" />
              </div>
            </div>
            <div class="mt-4 space-y-2">
              <div class="k-skeleton h-3 w-full" />
              <div class="k-skeleton h-3 w-5/6" />
              <div class="k-skeleton h-3 w-2/3" />
            </div>
          </div>
        )}
      </For>
    </div>
  );
}
