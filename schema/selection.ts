import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The field names a connection's `edges { node { ... } }` selects, through fragments, sorted and unique:
 * list loaders fetch only those columns (loaders/group.ts `listLoader`). Every object field of the types
 * listed this way reads the entity property of its own name (or only `id` and relations, which are always
 * fetched); a field that reads a property under another name must not use this. `always` names
 * properties the resolver itself reads (a call site passes the same list every time).
 */
export function connectionNodeFields(
  info: GraphQLResolveInfo,
  always: readonly string[] = [],
): readonly string[] {
  // A field node belongs to a parsed document, which Yoga caches: its answer never changes, and a list
  // resolves it once per parent (20 rooms, 20 times).
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
  const cached = single && fieldsByNode.get(single);
  if (cached) return cached;
  const names = new Set<string>(always);
  for (const connection of info.fieldNodes) {
    for (const edges of fieldsNamed(connection.selectionSet, 'edges', info)) {
      for (const node of fieldsNamed(edges, 'node', info)) collectNames(node, info, names);
    }
  }
  const fields = Object.freeze([...names].sort());
  if (single) fieldsByNode.set(single, fields);
  return fields;
}

const fieldsByNode = new WeakMap<FieldNode, readonly string[]>();

/** The selection sets of the fields called `name` directly under `set`, through fragments. */
function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo) {
  const found: SelectionSetNode[] = [];
  const visit = (current: SelectionSetNode | undefined) => {
    for (const selection of current?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name && selection.selectionSet) found.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  visit(set);
  return found;
}

function collectNames(set: SelectionSetNode, info: GraphQLResolveInfo, names: Set<string>) {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectNames(selection.selectionSet, info, names);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectNames(fragment.selectionSet, info, names);
    }
  }
}
