import {
  defaultFieldResolver,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { badInput } from '../src/errors.ts';
import type { Context } from '../src/transport/context.ts';

/**
 * A list argument or input field that needs more items than GRAPHQL_MAX_LIST_ITEMS (100) says so:
 * `extensions: { maxItems: 500 }`.
 */
const maxItemsOf = (holder: GraphQLArgument | GraphQLInputField, fallback: number) =>
  typeof holder.extensions?.maxItems === 'number' ? holder.extensions.maxItems : fallback;

/**
 * Caps every list in every field's arguments, input objects included, for fields added later too: the
 * token limit counts the document, not its variables, and `nodes(ids:)` with 70,000 IDs took 4 s and
 * 150 MB. The check runs on the coerced arguments, before scopes, ID decoding and the resolver.
 */
export function capListArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => holdsList(arg.type, new Set()))) guardField(field);
    }
  }
  return schema;
}

function guardField(field: GraphQLField<unknown, Context>) {
  const check = (args: Record<string, unknown>, context: Context) => {
    const fallback = context.services.config.GRAPHQL_MAX_LIST_ITEMS;
    for (const arg of field.args) {
      const problem = overLimit(args[arg.name], arg.type, maxItemsOf(arg, fallback), fallback, arg.name);
      if (problem) throw badInput(problem, arg.name);
    }
  };
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    check(args, context);
    return resolve(source, args, context, info);
  };
  const subscribe = field.subscribe;
  if (subscribe)
    field.subscribe = (source, args, context, info) => {
      check(args, context);
      return subscribe(source, args, context, info);
    };
}

function holdsList(type: GraphQLInputType, seen: Set<string>): boolean {
  if (isNonNullType(type)) return holdsList(type.ofType, seen);
  if (isListType(type)) return true;
  if (!isInputObjectType(type) || seen.has(type.name)) return false;
  seen.add(type.name);
  return Object.values(type.getFields()).some((field) => holdsList(field.type, seen));
}

/** What is too long in `value` (a path and the counts), or null. */
function overLimit(
  value: unknown,
  type: GraphQLInputType,
  limit: number,
  fallback: number,
  path: string,
): string | null {
  if (value == null) return null;
  if (isNonNullType(type)) return overLimit(value, type.ofType, limit, fallback, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return null;
    if (value.length > limit) return `${path}: at most ${limit} items (got ${value.length})`;
    for (const [index, item] of value.entries()) {
      const problem = overLimit(item, type.ofType, limit, fallback, `${path}.${index}`);
      if (problem) return problem;
    }
    return null;
  }
  if (!isInputObjectType(type) || typeof value !== 'object') return null;
  for (const field of Object.values(type.getFields())) {
    const fieldValue = (value as Record<string, unknown>)[field.name];
    const limitOfField = maxItemsOf(field, fallback);
    const problem = overLimit(fieldValue, field.type, limitOfField, fallback, `${path}.${field.name}`);
    if (problem) return problem;
  }
  return null;
}
