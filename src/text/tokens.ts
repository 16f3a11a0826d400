import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

let encoder: Tiktoken | undefined;

/** cl100k_base, built once per process (about 0.3 s) and reused. */
export function tokenizer(): Tiktoken {
  encoder ??= new Tiktoken(cl100k);
  return encoder;
}

/** Every special token is allowed, so a document containing "<|endoftext|>" is counted, not refused. */
export function countTokens(text: string): number {
  return tokenizer().encode(text, 'all').length;
}
