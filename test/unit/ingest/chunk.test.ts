import { describe, expect, it } from 'vitest';
import { chunkPages, documentText, pageAtOffset, pageOffsets } from '../../../src/documents/engine/chunk.ts';
import { splitSentences } from '../../../src/text/sentences.ts';
import { countTokens } from '../../../src/text/tokens.ts';

const SENTENCES = [
  'Dr. Rosalind Franklin produced X-ray diffraction images of DNA in 1952.',
  'Photo 51, shown in Fig. 2, revealed the helical structure.',
  'Watson and Crick et al. used these data to build their model.',
  'The double helix has a pitch of about 3.4 nm per turn.',
  'Each turn contains roughly 10.5 base pairs in B-form DNA.',
  'Adenine pairs with thymine, and guanine pairs with cytosine.',
  'These pairs are held together by hydrogen bonds.',
  'Chargaff had observed the matching base ratios years earlier.',
];

describe('splitSentences', () => {
  it('handles abbreviations, initials and decimals', () => {
    const text = SENTENCES.join(' ');
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(SENTENCES);
  });
});

describe('chunkPages', () => {
  const pages = [
    { number: 1, text: `# Molecular Biology\n\n## DNA\n\n${SENTENCES.slice(0, 5).join(' ')}` },
    {
      number: 2,
      text: `${SENTENCES.slice(5).join(' ')}\n\n## RNA\n\nRNA is usually single-stranded. Uracil replaces thymine in RNA.`,
    },
    { number: 3, text: SENTENCES.map((s) => s.replace('DNA', 'chromatin')).join(' ') },
  ];

  it('records exact char offsets into the joined text, pages and headings', () => {
    const text = documentText(pages);
    const chunks = chunkPages(pages, { targetTokens: 60, overlapRatio: 0.15 });
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c, i) => {
      expect(c.ordinal).toBe(i);
      expect(text.slice(c.charStart, c.charEnd)).toBe(c.text);
      expect(Math.abs(c.tokenCount - countTokens(c.text))).toBeLessThanOrEqual(3);
    });
    const rna = chunks.find((c) => c.text.includes('Uracil'))!;
    expect(rna.headingPath).toEqual(['Molecular Biology', 'RNA']);
    expect(rna.text.startsWith('## RNA')).toBe(true);
    const pairs = chunks.find((c) => c.text.includes('Adenine pairs'))!;
    expect(pairs.headingPath).toEqual(['Molecular Biology', 'DNA']);
    expect(pairs.pageEnd).toBe(2);
  });

  it('never splits a sentence and overlaps by whole trailing sentences', () => {
    const chunks = chunkPages(pages, { targetTokens: 60, overlapRatio: 0.3 });
    const all = pages
      .flatMap((p) => p.text.split('\n\n'))
      .flatMap((b) => splitSentences(b).map((s) => b.slice(s.start, s.end)));
    for (const c of chunks) {
      for (const piece of c.text
        .split('\n\n')
        .flatMap((b) => splitSentences(b).map((s) => b.slice(s.start, s.end)))) {
        expect(all).toContain(piece);
      }
    }
    const page3 = chunks.filter((c) => c.pageStart === 3);
    expect(page3.length).toBeGreaterThan(1);
    const lastOfFirst = splitSentences(page3[0].text).at(-1)!;
    expect(page3[1].text.startsWith(page3[0].text.slice(lastOfFirst.start, lastOfFirst.end))).toBe(true);
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(60);
  });

  it('splits only a single over-long sentence, by tokens', () => {
    const long = `${Array.from({ length: 120 }, (_, i) => `clause ${i} of the run-on`).join(', ')}.`;
    const chunks = chunkPages([{ number: 1, text: `Short opener. ${long} Short closer.` }], {
      targetTokens: 100,
      overlapRatio: 0,
    });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.tokenCount).toBeLessThanOrEqual(110);
    expect(chunks[0].text.startsWith('Short opener.')).toBe(true);
    expect(chunks.at(-1)!.text.endsWith('Short closer.')).toBe(true);
  });

  it('keeps a chunk to one page when asked (slides, e-book pages), and spans short pages otherwise', () => {
    const slides = [
      { number: 1, text: '# Osmosis\n\nWater crosses membranes toward solute.', label: '1' },
      { number: 2, text: '# Diffusion\n\nMolecules spread from high to low.', label: '3' },
    ];
    expect(chunkPages(slides).map((c) => [c.pageStart, c.pageEnd])).toEqual([[1, 2]]);
    const apart = chunkPages(slides, { breakAtPages: true });
    expect(apart.map((c) => [c.pageStart, c.pageEnd, c.pageLabelStart, c.headingPath])).toEqual([
      [1, 1, '1', ['Osmosis']],
      [2, 2, '3', ['Diffusion']],
    ]);
  });

  it('maps a char offset back to its page', () => {
    const offsets = pageOffsets(pages);
    const text = documentText(pages);
    expect(pageAtOffset(pages, offsets, text.indexOf('Adenine'))).toBe(2);
    expect(pageAtOffset(pages, offsets, text.indexOf('chromatin'))).toBe(3);
    expect(pageAtOffset(pages, offsets, 0)).toBe(1);
  });
});
