import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Per-loader options; `batch: false` exists only to measure the N+1 that batching avoids. */
export interface LoaderOptions {
  batch?: boolean;
}

/**
 * An entity as the schema reads it: its fields, with each many-to-one relation reduced to `{ id }`. A
 * managed entity is one; so is a row from `findRows`.
 */
export type ReadModel<T, Relations extends keyof T> = Omit<T, Relations> & {
  [K in Relations]: null extends T[K] ? { id: string } | null | undefined : { id: string };
};

export { findRows } from '../src/db/read-rows.ts';

/** A list loader's key: the parent's id and the fields its GraphQL selection reads (undefined: all). */
export interface ListKey {
  id: string;
  /** Sorted and unique, so equal selections share a cache entry. */
  fields?: readonly string[];
}

const fieldSetNames = new WeakMap<readonly string[], string>();
/** The field set as one string, joined once per array (selections hand the same array to every parent). */
function fieldSetName(fields: readonly string[] | undefined): string {
  if (!fields) return '*';
  let name = fieldSetNames.get(fields);
  if (name === undefined) {
    name = fields.join(',');
    fieldSetNames.set(fields, name);
  }
  return name;
}

const listCacheKey = (key: ListKey) => `${fieldSetName(key.fields)}|${key.id}`;

/**
 * Rows per parent id, fetching only the columns the selection reads. Keys with the same fields are one
 * statement for all their parents; another field set (an alias selecting more) is a statement of its
 * own, so no caller ever gets a row without a field it asked for.
 */
export function listLoader<R>(
  load: (parentIds: string[], fields: readonly string[] | undefined) => Promise<R[]>,
  parentOf: (row: R) => string,
  options?: LoaderOptions,
) {
  return new DataLoader<ListKey, R[], string>(
    async (keys) => {
      const sets = new Map<string, { fields?: readonly string[]; ids: string[] }>();
      for (const key of keys) {
        const name = fieldSetName(key.fields);
        const set = sets.get(name) ?? { fields: key.fields, ids: [] };
        set.ids.push(key.id);
        sets.set(name, set);
      }
      const results = new Map<string, R[]>();
      await Promise.all(
        [...sets.values()].map(async (set) => {
          const grouped = groupBy(set.ids, await load(set.ids, set.fields), parentOf);
          set.ids.forEach((id, i) => {
            results.set(listCacheKey({ id, fields: set.fields }), grouped[i]!);
          });
        }),
      );
      return keys.map((key) => results.get(listCacheKey(key)) ?? []);
    },
    { ...options, cacheKeyFn: listCacheKey },
  );
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

/** The entity type a `defineEntity` schema describes. */
type EntityOf<S> = S extends EntityName<infer T> ? (T extends { id: string } ? T : never) : never;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Managed entities by primary key, one statement per batch. An id that is not a UUID (a forged global ID)
 * can match no row, so it is answered null without asking PostgreSQL, which would reject its syntax.
 */
export function entityByIdLoader<S extends EntityName, T extends { id: string } = EntityOf<S>>(
  em: EntityManager,
  entity: S,
  options?: LoaderOptions,
) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return ids.map(() => null);
    return byId(ids, (await em.find(entity, { id: { $in: valid } } as never)) as unknown as T[]);
  }, options);
}
