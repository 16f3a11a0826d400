import {
  type ASTNode,
  type ASTVisitor,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getOperationAST,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

// C0 control characters other than tab, line feed and carriage return. PostgreSQL refuses NUL in text
// (an INTERNAL_SERVER_ERROR from every mutation that stored one), and none of the others belongs in a
// name, a title, a question or an email.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * The one check of every string a client sends, before any resolver runs, for every field present and
 * future: string literals in the document (a validation rule, so cached with the document), and the
 * variables, walked along their declared types (strings, upload file names, and a file sent where the
 * schema expects something else, whose error message used to print the File object's internals).
 * Answers BAD_USER_INPUT naming where the character is.
 */
export function useInputTextCheck(): Plugin {
  const checkVariables = ({
    args,
    setResultAndStopExecution,
  }: {
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      operationName?: string | null;
      variableValues?: unknown;
    };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const problem = variablesProblem(args.schema, args.document, args.operationName, args.variableValues);
    if (problem) setResultAndStopExecution({ errors: [inputError(problem)] });
  };
  return {
    onValidate: ({ addValidationRule }) => addValidationRule(NoControlCharactersInLiterals),
    onExecute: checkVariables,
    onSubscribe: checkVariables,
  };
}

function inputError(message: string, nodes?: ASTNode) {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT' } });
}

function NoControlCharactersInLiterals(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      const problem = textProblem(node.value, 'A string in the query');
      if (problem) context.reportError(inputError(problem, node));
    },
  };
}

function textProblem(text: string, where: string): string | null {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return null;
  const codePoint = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${where} contains the control character ${codePoint} at position ${found.index}; remove it`;
}

function variablesProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
): string | null {
  if (!variables || typeof variables !== 'object') return null;
  const operation = getOperationAST(document, operationName);
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue;
    const problem = valueProblem((variables as Record<string, unknown>)[name], type, `$${name}`);
    if (problem) return problem;
  }
  return null;
}

function valueProblem(value: unknown, type: GraphQLInputType, path: string): string | null {
  if (value == null) return null;
  if (isNonNullType(type)) return valueProblem(value, type.ofType, path);
  if (isListType(type)) {
    // A single value where a list is expected is coerced to a list of one.
    if (!Array.isArray(value)) return valueProblem(value, type.ofType, path);
    for (const [index, item] of value.entries()) {
      const problem = valueProblem(item, type.ofType, `${path}.${index}`);
      if (problem) return problem;
    }
    return null;
  }
  const fileScalar = isScalarType(type) && type.name === 'File';
  if (isFile(value)) {
    if (!fileScalar) return `${path}: a file was sent where ${type.name} is expected`;
    return typeof value.name === 'string' ? textProblem(value.name, `${path} (the file name)`) : null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return null; // graphql-js refuses it with a clear message
    for (const field of Object.values(type.getFields())) {
      const problem = valueProblem(
        (value as Record<string, unknown>)[field.name],
        field.type,
        `${path}.${field.name}`,
      );
      if (problem) return problem;
    }
    return null;
  }
  return typeof value === 'string' ? textProblem(value, path) : null;
}

/** A multipart upload's value (the fetch API's File, whichever implementation made it). */
function isFile(value: unknown): value is { name?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Blob).arrayBuffer === 'function' &&
    typeof (value as Blob).size === 'number'
  );
}
