/**
 * cl100k token counts for prompt packing, equal to `countTokens` from the ingest layer but memoised per
 * pre-tokenizer piece. js-tiktoken's byte-pair merge is slow on words outside the vocabulary (names, rare
 * terms: several µs per character), and packing runs on the event loop of a server streaming other
 * answers; with the memo, a room's recurring vocabulary is merged once.
 */
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { tokenizer } from '../../text/tokens.ts';

// The tokenizer's own pre-split: encoding is per piece, so the sum over pieces is the exact count.
const PIECE = new RegExp(cl100k.pat_str, 'gu');
const MAX_MEMO = 100_000;
const memo = new Map<string, number>();

export function countPromptTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(PIECE)) {
    const piece = m[0];
    let count = memo.get(piece);
    if (count === undefined) {
      // Passing every special token as allowed keeps "<|endoftext|>" in a document from throwing.
      count = tokenizer().encode(piece, 'all').length;
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(piece, count);
    }
    n += count;
  }
  return n;
}
