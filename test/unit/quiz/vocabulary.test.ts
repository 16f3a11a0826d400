import { describe, expect, it } from 'vitest';
import { isProse, sampleChunks } from '../../../src/quizzes/engine/sample-chunks.ts';
import { buildVocabulary } from '../../../src/quizzes/engine/vocabulary.ts';
import { MADEIRA, NUMBER_SOUP, PHOTOSYNTHESIS } from './sample-text.ts';

describe('buildVocabulary', () => {
  const vocabulary = buildVocabulary([MADEIRA, PHOTOSYNTHESIS]);
  const kindOf = (text: string) => vocabulary.terms.find((t) => t.text === text)?.kind;

  it('labels years, numbers with units, percentages, names and technical terms', () => {
    expect(kindOf('1419')).toBe('YEAR');
    expect(kindOf('1976')).toBe('YEAR');
    expect(kindOf('1,862 metres')).toBe('NUMBER');
    expect(vocabulary.terms.find((t) => t.text === '1,862 metres')).toMatchObject({
      value: 1862,
      unit: 'metres',
    });
    expect(kindOf('20 percent')).toBe('PERCENT');
    expect(kindOf('João Gonçalves Zarco')).toBe('NAME');
    expect(kindOf('Prince Henry the Navigator')).toBe('NAME');
    expect(kindOf('Funchal')).toBe('NAME');
    expect(kindOf('carbon dioxide')).toBe('TERM');
    expect(kindOf('chlorophyll')).toBe('TERM');
    expect(vocabulary.terms.find((t) => t.text === 'NADPH')).toMatchObject({ kind: 'TERM', acronym: true });
  });

  it('does not take sentence-initial capitals, function words or units for key terms', () => {
    const texts = vocabulary.terms.map((t) => t.text);
    for (const noise of ['The', 'Today', 'Sugar', 'Settlement of Madeira', 'percent', 'However', 'about']) {
      expect(texts).not.toContain(noise);
    }
  });

  it('finds the key terms of a sentence with their positions', () => {
    const sentence =
      'The highest peak of the island is Pico Ruivo, which rises to 1,862 metres above sea level.';
    const found = vocabulary.termsIn(sentence);
    const pico = found.find((t) => t.surface === 'Pico Ruivo');
    expect(pico?.kind).toBe('NAME');
    expect(sentence.slice(pico!.start, pico!.end)).toBe('Pico Ruivo');
    expect(found.find((t) => t.kind === 'NUMBER')?.surface).toBe('1,862 metres');
  });
});

describe('sampleChunks', () => {
  const chunk = (documentId: string, ordinal: number, text = MADEIRA) => ({
    chunkId: `${documentId}-${ordinal}`,
    documentId,
    ordinal,
    text,
    pageStart: ordinal + 1,
    pageEnd: ordinal + 1,
  });

  it('tells prose from number soup', () => {
    expect(isProse(MADEIRA)).toBe(true);
    expect(isProse(NUMBER_SOUP)).toBe(false);
    expect(isProse('Table 3\n\nRow 1 | Row 2\nA | B')).toBe(false);
  });

  it('alternates documents, spreads over each document and skips non-prose chunks', () => {
    const chunks = [
      ...Array.from({ length: 40 }, (_, i) => chunk('a', i, i % 5 === 0 ? NUMBER_SOUP : MADEIRA)),
      ...Array.from({ length: 6 }, (_, i) => chunk('b', i, PHOTOSYNTHESIS)),
    ];
    const picked = sampleChunks(chunks, 10, { seed: 7 });
    expect(picked).toHaveLength(10);
    expect(picked.filter((c) => c.documentId === 'b')).toHaveLength(5);
    expect(picked.slice(0, 6).map((c) => c.documentId)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(picked.every((c) => c.text !== NUMBER_SOUP)).toBe(true);
    const ordinals = picked.filter((c) => c.documentId === 'a').map((c) => c.ordinal);
    // Five picks over 40 chunks: one from each eighth-ish stratum, so first and last parts are both covered.
    expect(Math.min(...ordinals)).toBeLessThan(8);
    expect(Math.max(...ordinals)).toBeGreaterThanOrEqual(32);
    expect(sampleChunks(chunks, 10, { seed: 7 })).toEqual(picked);
    expect(sampleChunks(chunks, 10, { seed: 8 }).map((c) => c.chunkId)).not.toEqual(
      picked.map((c) => c.chunkId),
    );
  });

  it('gives what a small document cannot take to the others', () => {
    const chunks = [chunk('a', 0), ...Array.from({ length: 9 }, (_, i) => chunk('b', i))];
    const picked = sampleChunks(chunks, 6);
    expect(picked.filter((c) => c.documentId === 'a')).toHaveLength(1);
    expect(picked).toHaveLength(6);
  });
});
