import type { Plugin } from 'graphql-yoga';
import { withStatementCount } from '../db/sql-counter.ts';

/**
 * Diagnostics for tests and benchmarks: puts the number of SQL statements an operation issued into
 * `extensions.sqlStatements`. Off in production.
 */
export function useSqlStatementCount(): Plugin {
  return {
    onExecute: ({ executeFn, setExecuteFn }) => {
      let counter = { statements: 0 };
      setExecuteFn((args) => {
        const run = withStatementCount(() => executeFn(args));
        counter = run.counter;
        return run.result;
      });
      return {
        onExecuteDone: ({ result, setResult }) => {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, sqlStatements: counter.statements } });
        },
      };
    },
  };
}
