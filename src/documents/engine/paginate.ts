import type { ExtractedPage } from './types.ts';

/**
 * DOCX and plain text have no pages, so we cut synthetic ones of about `target` characters at block
 * (paragraph) boundaries: citations can then say "page 3" and mean the same place every time, and a page
 * never starts mid-paragraph. A single block longer than twice the target is cut at a line or sentence end.
 */
export function paginateBlocks(blocks: string[], target = 3000): ExtractedPage[] {
  const pages: ExtractedPage[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length === 0) return;
    pages.push({ number: pages.length + 1, text: current.join('\n\n') });
    current = [];
    length = 0;
  };
  for (const block of blocks.flatMap((b) => splitLongBlock(b, target))) {
    if (length > 0 && length + block.length + 2 > target) flush();
    current.push(block);
    length += block.length + 2;
  }
  flush();
  return pages;
}

function splitLongBlock(block: string, target: number): string[] {
  if (block.length <= 2 * target) return [block];
  const parts: string[] = [];
  let rest = block;
  while (rest.length > 2 * target) {
    const window = rest.slice(0, target);
    let cut = window.lastIndexOf('\n');
    if (cut < target / 2) cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('。')) + 1;
    if (cut < target / 2) cut = window.lastIndexOf(' ');
    if (cut < target / 2) cut = target;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
