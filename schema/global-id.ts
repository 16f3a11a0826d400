import { PothosValidationError } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';

/** Every entity's primary key is a UUID (src/entities/base.ts); either case is accepted. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How much of a client's value an error message repeats: a 5 MB ID came back whole in the review. */
const ECHOED_CHARACTERS = 60;

/** A client's value as an error message quotes it: at most ECHOED_CHARACTERS, then its length. */
export function quoteInput(value: string): string {
  if (value.length <= ECHOED_CHARACTERS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, ECHOED_CHARACTERS))}… (${value.length} characters)`;
}

/**
 * Decodes a global ID and refuses, as BAD_USER_INPUT, one whose type is no object type of the schema
 * (`room:…` gave "room has not been implemented" without a code) or whose id is not a UUID (PostgreSQL's
 * "invalid input syntax for type uuid" was an internal error). Every ID argument goes through this.
 */
export function decodeEntityGlobalID(globalID: string, isObjectType: (typename: string) => boolean) {
  const invalid = () => new PothosValidationError(`Invalid global ID: ${quoteInput(globalID)}`);
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw invalid();
  }
  if (!isObjectType(decoded.typename) || !UUID.test(decoded.id)) throw invalid();
  // Loaders key their results by the database's lower-case spelling.
  return { typename: decoded.typename, id: decoded.id.toLowerCase() };
}
