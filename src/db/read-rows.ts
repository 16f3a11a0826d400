import {
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type FilterQuery,
  type QueryOrderMap,
  ReferenceKind,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import type { Pool } from 'pg';

/**
 * Read-only rows for the lists behind dashboards, without managed entities.
 *
 * Hydrating an entity (identity map, change-tracking snapshot, per-instance accessors) costs ~5x the query
 * itself, and a dashboard reads hundreds of rows it never changes; building the same SQL from metadata on
 * every request through MikroORM's query builder and running it through its connection cost ~4x the query
 * again (bench/api.ts). So a read is a *plan*, built once per shape (entity, which filters, which fields,
 * joins, order) from the entity metadata and cached with its row mapper; each call only binds values and
 * runs the plan as a named prepared statement on MikroORM's own pool (PostgreSQL parses and plans it once
 * per connection). Code that changes rows loads entities through `em` (or the by-id loaders) instead.
 *
 * Filters a plan takes: `{ prop: value }` (equality; `null` is `is null`) and `{ prop: { $in: [...] } }`
 * (`= any($n)`, one array parameter whatever its length) on scalar and many-to-one properties. Any other
 * filter runs through MikroORM's query builder, uncached, with the same result shape.
 *
 * Each row has the entity's property names; every many-to-one relation is `{ id }` (or null), or, when
 * named in `join`, the related row's `{ id, ...fields }` read in the same statement.
 */
export interface ReadOptions<T> {
  orderBy?: QueryOrderMap<T> | Record<string, unknown>;
  /** Properties to read (unknown names and to-many relations are ignored); unset: every eager column. */
  fields?: readonly string[];
  /** Many-to-one relations to read with the row, each with the related entity's fields. */
  join?: Record<string, readonly string[]>;
  limit?: number;
  offset?: number;
}

export async function findRows<T extends object, R>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: ReadOptions<T> = {},
): Promise<R[]> {
  const meta = em.getMetadata(entity);
  const filters = filterShape(meta, where as Record<string, unknown>);
  const plan = filters && planFor(em, meta, filters, options);
  if (!plan) return (await findRowsByQueryBuilder(em, meta, where, options)) as R[];
  const values: unknown[] = filters.flatMap((filter) => (filter.op === 'null' ? [] : [filter.value]));
  if (options.limit !== undefined) values.push(options.limit);
  if (options.offset !== undefined) values.push(options.offset);
  const rows = await runPlan(em, plan, values);
  return rows.map(plan.map) as R[];
}

interface Filter {
  prop: EntityProperty;
  op: 'eq' | 'in' | 'null';
  value?: unknown;
}

/** The filters a plan can take, or null when `where` needs the query builder. */
function filterShape(meta: EntityMetadata, where: Record<string, unknown>): Filter[] | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null;
  const filters: Filter[] = [];
  for (const [name, value] of Object.entries(where)) {
    const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty | undefined;
    if (!prop || !isColumn(prop)) return null;
    if (value === null) filters.push({ prop, op: 'null' });
    else if (['string', 'number', 'boolean'].includes(typeof value)) filters.push({ prop, op: 'eq', value });
    else if (isInFilter(value)) filters.push({ prop, op: 'in', value: value.$in });
    else return null;
  }
  return filters;
}

const isInFilter = (value: unknown): value is { $in: unknown[] } =>
  !!value &&
  typeof value === 'object' &&
  Object.keys(value).length === 1 &&
  Array.isArray((value as { $in?: unknown }).$in) &&
  (value as { $in: unknown[] }).$in.every((item) => ['string', 'number'].includes(typeof item));

const isColumn = (prop: EntityProperty) =>
  (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE) &&
  prop.fieldNames?.length === 1 &&
  !prop.formula &&
  prop.persist !== false;

interface Plan {
  name: string;
  text: string;
  map(row: Record<string, unknown>): Record<string, unknown>;
}

/** Plans per entity metadata (so per ORM), by shape. Bounded: a client picks field sets. */
const plans = new WeakMap<EntityMetadata, Map<string, Plan | null>>();
const MAX_PLANS_PER_ENTITY = 200;
/** One statement name per distinct text, across ORMs: pg refuses a name reused for another text. */
const statementNames = new Map<string, string>();

function planFor(
  em: EntityManager,
  meta: EntityMetadata,
  filters: Filter[],
  options: ReadOptions<unknown>,
): Plan | null {
  const key = JSON.stringify([
    filters.map((filter) => `${filter.prop.name}:${filter.op}`),
    options.fields ?? '*',
    options.join ?? {},
    options.orderBy ?? {},
    options.limit !== undefined,
    options.offset !== undefined,
  ]);
  const byShape = plans.get(meta) ?? new Map<string, Plan | null>();
  plans.set(meta, byShape);
  const cached = byShape.get(key);
  if (cached !== undefined) return cached;
  const plan = buildPlan(em, meta, filters, options);
  if (byShape.size < MAX_PLANS_PER_ENTITY) byShape.set(key, plan);
  return plan;
}

interface Column {
  /** The key in the output row (a property name), and where it sits: the row or a joined relation. */
  key: string;
  relation?: string;
  alias: string;
  convert: (value: unknown) => unknown;
}

function buildPlan(
  em: EntityManager,
  meta: EntityMetadata,
  filters: Filter[],
  options: ReadOptions<unknown>,
): Plan | null {
  const platform = em.getPlatform();
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const columns: Column[] = [];
  const select: string[] = [];
  const joins: string[] = [];
  const joined = new Map<string, string>();
  const relations = meta.props.filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE);

  const addColumn = (table: string, prop: EntityProperty, relation?: string) => {
    const alias = relation ? `${relation}.${prop.name}` : prop.name;
    select.push(`${table}.${quote(prop.fieldNames[0]!)} as ${quote(alias)}`);
    columns.push({ key: prop.name, relation, alias, convert: converter(prop, platform) });
  };
  const joinAlias = (relation: EntityProperty): string | null => {
    const existing = joined.get(relation.name);
    if (existing) return existing;
    const target = relation.targetMeta;
    if (!target || target.primaryKeys.length !== 1) return null;
    const alias = quote(`j${joined.size}`);
    const targetKey = target.properties[target.primaryKeys[0] as never] as EntityProperty;
    joins.push(
      `${relation.nullable ? 'left' : 'inner'} join ${platform.quoteIdentifier(target.tableName)} as ${alias}` +
        ` on ${alias}.${quote(targetKey.fieldNames[0]!)} = "t".${quote(relation.fieldNames[0]!)}`,
    );
    joined.set(relation.name, alias);
    return alias;
  };

  const wanted = new Set(options.fields ?? meta.props.filter((prop) => !prop.lazy).map((prop) => prop.name));
  for (const prop of meta.props) {
    const isRelation = prop.kind === ReferenceKind.MANY_TO_ONE;
    if (!isColumn(prop)) continue;
    if (meta.primaryKeys.includes(prop.name) || isRelation || wanted.has(prop.name)) addColumn('"t"', prop);
  }
  for (const [name, fields] of Object.entries(options.join ?? {})) {
    const relation = relations.find((prop) => prop.name === name);
    const target = relation?.targetMeta;
    const alias = relation && joinAlias(relation);
    if (!relation || !target || !alias) return null;
    for (const prop of target.props) {
      if (isColumn(prop) && prop.kind === ReferenceKind.SCALAR && fields.includes(prop.name))
        addColumn(alias, prop, name);
    }
  }

  const params: string[] = [];
  const nextParam = () => `$${params.push('')}`;
  const conditions = filters.map((filter) => {
    const column = `"t".${quote(filter.prop.fieldNames[0]!)}`;
    if (filter.op === 'null') return `${column} is null`;
    return filter.op === 'in' ? `${column} = any(${nextParam()})` : `${column} = ${nextParam()}`;
  });

  const order: string[] = [];
  const addOrder = (table: string, owner: EntityMetadata, spec: Record<string, unknown>): boolean => {
    for (const [name, direction] of Object.entries(spec)) {
      const prop = owner.properties[name as never] as EntityProperty | undefined;
      if (!prop) return false;
      if (prop.kind === ReferenceKind.MANY_TO_ONE && direction && typeof direction === 'object') {
        if (owner !== meta) return false;
        const alias = joinAlias(prop);
        if (!alias || !addOrder(alias, prop.targetMeta!, direction as Record<string, unknown>)) return false;
        continue;
      }
      const sqlDirection = typeof direction === 'string' ? direction.toLowerCase() : '';
      if (!isColumn(prop) || !DIRECTIONS.has(sqlDirection)) return false;
      order.push(`${table}.${quote(prop.fieldNames[0]!)} ${sqlDirection}`);
    }
    return true;
  };
  if (!addOrder('"t"', meta, (options.orderBy ?? {}) as Record<string, unknown>)) return null;

  const text = [
    `select ${select.join(', ')} from ${platform.quoteIdentifier(meta.tableName)} as "t"`,
    ...joins,
    conditions.length ? `where ${conditions.join(' and ')}` : '',
    order.length ? `order by ${order.join(', ')}` : '',
    options.limit !== undefined ? `limit ${nextParam()}` : '',
    options.offset !== undefined ? `offset ${nextParam()}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const name = statementNames.get(text) ?? `read_rows_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return { name, text, map: rowMapper(columns, relations, Object.keys(options.join ?? {})) };
}

const DIRECTIONS = new Set([
  'asc',
  'desc',
  'asc nulls first',
  'asc nulls last',
  'desc nulls first',
  'desc nulls last',
]);

/** Values as an entity would hold them: Dates for timestamps (kept as text by MikroORM's pool), custom types. */
function converter(prop: EntityProperty, platform: ReturnType<EntityManager['getPlatform']>) {
  if (prop.kind === ReferenceKind.MANY_TO_ONE) return identity;
  if (prop.runtimeType === 'Date')
    return (value: unknown) =>
      value == null || value instanceof Date ? value : platform.parseDate(value as string);
  const custom = prop.customType;
  if (custom && custom.constructor.name !== 'UuidType')
    return (value: unknown) => (value == null ? value : custom.convertToJSValue(value, platform));
  return identity;
}

/**
 * Turns a pg row into the read model. Own columns already carry property names (`as "pageCount"`), so
 * without joins the row is changed in place (relations to `{ id }`, timestamps to Dates): no second object
 * per row. A joined relation's columns (`as "user.email"`) become a nested object, so those rows are copied.
 */
function rowMapper(columns: Column[], relations: EntityProperty[], joinedNames: string[]) {
  const relationNames = new Set(relations.map((prop) => prop.name));
  const own = columns.filter((column) => !column.relation);
  const references = own.filter((column) => relationNames.has(column.key)).map((column) => column.key);
  const converted = own.filter((column) => !relationNames.has(column.key) && column.convert !== identity);
  if (joinedNames.length === 0) {
    return (row: Record<string, unknown>) => {
      for (const key of references) row[key] = row[key] == null ? null : { id: row[key] };
      for (const column of converted) row[column.key] = column.convert(row[column.key]);
      return row;
    };
  }
  const joined = joinedNames.map((name) => ({
    name,
    columns: columns.filter((column) => column.relation === name),
  }));
  return (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const column of own) {
      const value = row[column.alias];
      out[column.key] = relationNames.has(column.key)
        ? value == null
          ? null
          : { id: value }
        : column.convert(value);
    }
    for (const { name, columns: fields } of joined) {
      const id = row[name];
      if (id == null) continue;
      const related: Record<string, unknown> = { id };
      for (const column of fields) related[column.key] = column.convert(row[column.alias]);
      out[name] = related;
    }
    return out;
  };
}

const identity = (value: unknown) => value;

const pools = new WeakMap<object, Promise<Pool>>();

async function runPlan(em: EntityManager, plan: Plan, values: unknown[]) {
  const connection = em.getConnection();
  // The configured query hook (the SQL statement counter) sees every statement, as for MikroORM's own.
  em.config.get('onQuery')(plan.text, values);
  try {
    // Inside a transaction the read must see its writes: run it on the transaction's connection.
    const transaction = em.getTransactionContext<{
      executeQuery(query: CompiledQuery): Promise<{ rows: Record<string, unknown>[] }>;
    }>();
    if (transaction) return (await transaction.executeQuery(CompiledQuery.raw(plan.text, values))).rows;
    const pool = pools.get(connection) ?? (connection.getNativeClient() as Promise<Pool>);
    pools.set(connection, pool);
    return (await (await pool).query({ name: plan.name, text: plan.text, values })).rows;
  } catch (error) {
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  }
}

/** The general path for filters a plan does not take: MikroORM's query builder, one statement. */
async function findRowsByQueryBuilder<T extends object>(
  em: EntityManager,
  meta: EntityMetadata<T>,
  where: FilterQuery<T>,
  options: ReadOptions<T>,
): Promise<Record<string, unknown>[]> {
  const relations = meta.props
    .filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE)
    .map((prop) => prop.name as string);
  const readable = (name: string) => {
    const prop = meta.props.find((candidate) => candidate.name === name);
    return !!prop && (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE);
  };
  const fields = options.fields ?? meta.props.filter((prop) => !prop.lazy).map((prop) => prop.name as string);
  const columns = [...new Set([...meta.primaryKeys, ...relations, ...fields.filter(readable)])].map(String);
  const qb = em
    .createQueryBuilder(meta.class)
    .select(columns as never)
    .where(where as never);
  if (options.orderBy) qb.orderBy(options.orderBy as never);
  if (options.limit !== undefined) qb.limit(options.limit);
  if (options.offset !== undefined) qb.offset(options.offset);
  if (options.join) throw new Error('findRows: join needs a filter a plan takes (equality or $in)');
  const rows = (await qb.execute('all', true)) as Record<string, unknown>[];
  for (const row of rows) {
    for (const name of relations) {
      if (name in row) row[name] = row[name] == null ? null : { id: row[name] };
    }
  }
  return rows;
}
