/** Side-by-side layout of overlapping timed blocks in one day column (minutes since midnight). */
export interface Block {
  top: number;
  bottom: number;
}
export interface Placed<T> {
  item: T;
  top: number;
  bottom: number;
  col: number;
  cols: number;
}

export function layoutDay<T extends Block>(items: T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.top - b.top || b.bottom - a.bottom);
  const out: Placed<T>[] = [];
  let cluster: Placed<T>[] = [];
  let columns: number[] = [];
  let clusterEnd = -1;
  const flush = () => {
    for (const p of cluster) p.cols = columns.length;
    cluster = [];
    columns = [];
  };
  for (const item of sorted) {
    // Blocks shorter than a quarter hour still take a quarter hour of room.
    const bottom = Math.max(item.bottom, item.top + 15);
    if (item.top >= clusterEnd) flush();
    let col = columns.findIndex((end) => end <= item.top);
    if (col === -1) col = columns.push(bottom) - 1;
    else columns[col] = bottom;
    const placed = { item, top: item.top, bottom: item.bottom, col, cols: 1 };
    cluster.push(placed);
    out.push(placed);
    clusterEnd = Math.max(clusterEnd, bottom);
  }
  flush();
  return out;
}
