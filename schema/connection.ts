import { offsetForArgs, offsetToCursor } from '@pothos/plugin-relay';

/**
 * Pothos' `resolveArrayConnection` / `resolveOffsetConnection` with the same cursors and page info, but a
 * cursor is only encoded when a client selects it: a dashboard reads hundreds of edges and none of their
 * cursors, and each one was a template string plus a base64 string of garbage.
 */
class OffsetEdge<T> {
  readonly node: T;
  readonly #offset: number;
  constructor(node: T, offset: number) {
    this.node = node;
    this.#offset = offset;
  }
  get cursor(): string {
    return offsetToCursor(this.#offset);
  }
}

class OffsetPageInfo {
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
  readonly #start: number;
  readonly #count: number;
  constructor(start: number, count: number, hasPreviousPage: boolean, hasNextPage: boolean) {
    this.#start = start;
    this.#count = count;
    this.hasPreviousPage = hasPreviousPage;
    this.hasNextPage = hasNextPage;
  }
  get startCursor(): string {
    return offsetToCursor(this.#start);
  }
  get endCursor(): string {
    return offsetToCursor(this.#start + this.#count - 1);
  }
}

interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

function connection<T>(
  nodes: readonly T[],
  offset: number,
  expectedSize: number,
  page: ReturnType<typeof offsetForArgs>,
) {
  const count = Math.min(nodes.length, expectedSize);
  const edges: OffsetEdge<T>[] = new Array(count);
  for (let i = 0; i < count; i++) edges[i] = new OffsetEdge(nodes[i]!, offset + i);
  return {
    edges,
    pageInfo: new OffsetPageInfo(offset, count, page.hasPreviousPage, page.hasNextPage(nodes.length)),
  };
}

/** A page of an in-memory list (what a list loader returns for one parent). */
export function arrayConnection<T>(args: ConnectionArgs, items: readonly T[]) {
  const page = offsetForArgs({ args, totalCount: items.length });
  const nodes = items.slice(page.offset, page.offset + page.limit);
  return { ...connection(nodes, page.offset, page.expectedSize, page), totalCount: items.length };
}

/** A page read with `offset`/`limit` (one more than the page, to know whether another follows). */
export async function offsetConnection<T>(
  options: { args: ConnectionArgs; defaultSize?: number; maxSize?: number },
  resolve: (page: { offset: number; limit: number }) => Promise<readonly T[]>,
) {
  const page = offsetForArgs(options);
  const nodes = await resolve({ offset: page.offset, limit: page.limit });
  return connection(nodes, page.offset, page.expectedSize, page);
}
