import { describe, expect, it } from 'vitest';
import { labelOfPage } from '../../../src/documents/engine/page-labels.ts';

describe('labelOfPage', () => {
  it('gives the stored labels of a chunk’s first and last pages', () => {
    const span = { pageStart: 4, pageEnd: 6, pageLabelStart: 'iv', pageLabelEnd: 'vi' };
    expect(labelOfPage(span, 4)).toBe('iv');
    expect(labelOfPage(span, 6)).toBe('vi');
  });

  it('counts a middle page from arabic labels', () => {
    expect(labelOfPage({ pageStart: 9, pageEnd: 11, pageLabelStart: '7', pageLabelEnd: '9' }, 10)).toBe('8');
    // Front matter then the body: the page before "2" is "1", not its physical number.
    expect(labelOfPage({ pageStart: 1, pageEnd: 3, pageLabelStart: 'i', pageLabelEnd: '2' }, 2)).toBe('1');
    expect(labelOfPage({ pageStart: 3, pageEnd: 5, pageLabelStart: '12', pageLabelEnd: 'A-1' }, 4)).toBe(
      '13',
    );
  });

  it('falls back to the physical number when the count does not fit', () => {
    // Roman both ends, a count below 1, and ends that disagree (numbering restarts inside the chunk).
    expect(labelOfPage({ pageStart: 1, pageEnd: 3, pageLabelStart: 'i', pageLabelEnd: 'iii' }, 2)).toBe('2');
    expect(labelOfPage({ pageStart: 1, pageEnd: 3, pageLabelStart: 'i', pageLabelEnd: '1' }, 2)).toBe('2');
    expect(labelOfPage({ pageStart: 7, pageEnd: 9, pageLabelStart: '30', pageLabelEnd: '1' }, 8)).toBe('8');
    expect(labelOfPage({ pageStart: 2, pageEnd: 4 }, 3)).toBe('3');
  });
});
