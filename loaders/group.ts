/** Per-loader options; `batch: false` exists only to measure the N+1 that batching avoids. */
export interface LoaderOptions {
  batch?: boolean;
}

/** Orders entities to match the requested ids (null where missing), as DataLoader requires. */
export function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Groups rows under the requested keys, keeping the rows' order within each group. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
