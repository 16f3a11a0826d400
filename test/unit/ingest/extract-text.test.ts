import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/documents/engine/extract-text.ts';

const enc = new TextEncoder();

describe('extractText', () => {
  it('strips the BOM, keeps Markdown structure and takes the first heading as title', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc.encode('# Genetics\r\n\r\nMendel crossed peas.\r\n- tall\r\n- short\r\n'),
    ]);
    const doc = extractText(bytes);
    expect(doc.title).toBe('Genetics');
    expect(doc.pages).toEqual([{ number: 1, text: '# Genetics\n\nMendel crossed peas.\n- tall\n- short' }]);
  });

  it('cuts pages of at most ~3,000 characters on paragraph boundaries', () => {
    const paragraph = 'Alleles are variants of a gene found at the same place on a chromosome. '
      .repeat(6)
      .trim();
    const doc = extractText(enc.encode(Array.from({ length: 30 }, () => paragraph).join('\n\n')));
    expect(doc.pageCount).toBe(Math.ceil((30 * (paragraph.length + 2)) / 3000));
    for (const page of doc.pages) {
      expect(page.text.length).toBeLessThanOrEqual(3000);
      expect(page.text.startsWith('Alleles')).toBe(true);
      expect(page.text.endsWith('chromosome.')).toBe(true);
    }
  });

  it('refuses invalid UTF-8 and enforces the character limit', () => {
    expect(() => extractText(new Uint8Array([0x41, 0xc3, 0x28]))).toThrow(/not valid UTF-8/);
    expect(() => extractText(enc.encode('x'.repeat(50)), { maxChars: 10 })).toThrow(/limit is 10/);
  });
});
