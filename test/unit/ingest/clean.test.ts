import { describe, expect, it } from 'vitest';
import { cleanPages } from '../../../src/documents/engine/clean.ts';

const page = (number: number, text: string) => ({ number, text });

describe('cleanPages', () => {
  it('expands ligatures and presentation forms with NFKC and drops invisible characters', () => {
    const [p] = cleanPages([page(1, 'The ﬁrst ﬂoor was ef\u00adﬁcient.\u200b Arabic: ﻻ\u0007')]);
    expect(p.text).toBe('The first floor was efficient. Arabic: لا');
  });

  it('puts TeX spacing accents back on their letter', () => {
    expect(cleanPages([page(1, 'a na ̈ıve implementation')])[0].text).toBe('a naïve implementation');
  });

  it('undoes line-end hyphenation but keeps real compounds', () => {
    const text = [
      'Extraction of infor-',
      'mation from documents is a self-',
      'contained step; the state-of-the-',
      'art needs a well-',
      'known trick and Jean-',
      'Paul agrees.',
    ].join('\n');
    expect(cleanPages([page(1, text)])[0].text).toBe(
      'Extraction of information from documents is a self-contained step; the state-of-the-art needs a ' +
        'well-known trick and Jean-Paul agrees.',
    );
  });

  it('trusts the document itself: a word seen hyphenated elsewhere keeps its hyphen', () => {
    const text = 'Use a trade-\noff here.\n\nEvery trade-off has costs.';
    expect(cleanPages([page(1, text)])[0].text).toBe('Use a trade-off here.\n\nEvery trade-off has costs.');
  });

  it('removes running headers, footers and page numbers repeated on most pages', () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      page(
        i + 1,
        `Journal of Cell Science 12 (2024) ${100 + i}\n\nBody text unique to page ${i + 1}, with a sentence.\nAnd a second line of page ${i + 1}.\n\nPage ${i + 1} of 6`,
      ),
    );
    const cleaned = cleanPages(pages);
    cleaned.forEach((p, i) => {
      expect(p.text).toBe(
        `Body text unique to page ${i + 1}, with a sentence. And a second line of page ${i + 1}.`,
      );
    });
    // Without the option nothing is dropped (DOCX and text files have no running heads).
    expect(cleanPages(pages, { removeRunningHeads: false })[0].text).toContain('Page 1 of 6');
  });

  it('keeps an anchor for each source line', () => {
    const raw = 'First line of a para-\ngraph here.\n\nSecond paragraph.';
    const [p] = cleanPages([page(1, raw)]);
    expect(p.text).toBe('First line of a paragraph here.\n\nSecond paragraph.');
    expect(p.anchors).toEqual([
      { clean: 0, raw: 0, cleanLength: 21, rawLength: 21 },
      { clean: 20, raw: 22, cleanLength: 11, rawLength: 11 },
      { clean: 33, raw: 35, cleanLength: 17, rawLength: 17 },
    ]);
    expect(p.text.slice(33)).toBe(raw.slice(35));
  });

  it('joins Chinese lines without a space and keeps DOCX newlines when not unwrapping', () => {
    expect(cleanPages([page(1, '保证季度报告内容的真\n实、准确、完整')])[0].text).toBe(
      '保证季度报告内容的真实、准确、完整',
    );
    const table = 'Organelle | Function\nRibosome | Protein synthesis';
    expect(cleanPages([page(1, table)], { unwrapLines: false })[0].text).toBe(table);
  });
});
