import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements issued inside a scope (one GraphQL operation). MikroORM's `onQuery` hook runs
 * in the caller's async context, so the count is exact per request even under concurrency.
 */
const scope = new AsyncLocalStorage<{ statements: number }>();

export function countStatement(sql: string): string {
  const counter = scope.getStore();
  if (counter) counter.statements += 1;
  return sql;
}

export function withStatementCount<T>(run: () => T): { counter: { statements: number }; result: T } {
  const counter = { statements: 0 };
  return { counter, result: scope.run(counter, run) };
}
