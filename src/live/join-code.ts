import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 5/S or 2/Z: nothing that sounds or looks like another character when read aloud.
const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Accepts what a person types: any case, spaces or dashes between groups. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}
