import { describe, expect, it } from 'vitest';
import { pickDistractors } from '../../../src/quizzes/engine/distractors.ts';
import { seededRandom } from '../../../src/quizzes/engine/random.ts';
import { TermSimilarity } from '../../../src/quizzes/engine/term-similarity.ts';
import { buildVocabulary } from '../../../src/quizzes/engine/vocabulary.ts';
import type { Embedder } from '../../../src/retrieval/ports.ts';

const TEXT = [
  'The vents release argon and helium in equal parts, while krypton and xenon are much rarer there.',
  'The argon content rose after the eruption, and the helium escaped quickly into the upper air.',
  'Surveyors measured krypton twice during the survey and measured xenon once more in the spring.',
  'The lighthouse stands on sandstone and limestone cliffs above the harbour of the island.',
  'The harbour wall is made of granite, and the granite quarry closed after the war ended.',
  'The old lighthouse keeper retired in the winter, and visitors still admire the sandstone arches.',
  'The soft limestone erodes faster than the granite does on the northern coast of the island.',
].join(' ');

const GASES = ['argon', 'helium', 'krypton', 'xenon'];

/** Meaning by hand: the other gases at cosine 0.8-0.85 from argon, rocks and the rest orthogonal to both. */
function fakeEmbedder(synonyms: Record<string, string> = {}): Embedder {
  const near = (c: number) => [c, Math.sqrt(1 - c * c), 0, 0];
  const vectors: Record<string, number[]> = {
    argon: [1, 0, 0, 0],
    helium: near(0.85),
    krypton: near(0.82),
    xenon: near(0.8),
    sandstone: [0, 0, 1, 0],
    limestone: [0, 0, 1, 0],
    granite: [0, 0, 1, 0],
  };
  return {
    id: 'fake:4',
    dimensions: 4,
    embed: async (texts) =>
      texts.map((t) => {
        const word = t.toLowerCase();
        return Float32Array.from(vectors[synonyms[word] ?? word] ?? [0, 0, 0, 1]);
      }),
  };
}

describe('distractors near the answer in meaning', () => {
  const vocabulary = buildVocabulary([TEXT]);
  const sentence = 'The argon content rose after the eruption.';
  const answer = vocabulary.termsIn(sentence).find((t) => t.surface === 'argon')!;

  it('picks the answer’s neighbours of the same kind, where shape alone mixes in rocks and buildings', async () => {
    expect(answer.kind).toBe('TERM');
    const similarity = await TermSimilarity.of(vocabulary, fakeEmbedder());
    for (let seed = 1; seed <= 5; seed++) {
      const picked = pickDistractors(answer, sentence, vocabulary, seededRandom(seed), 3, similarity)!;
      expect(picked.map((p) => p.toLowerCase()).sort()).toEqual(['helium', 'krypton', 'xenon']);
    }
    const byShape = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      for (const p of pickDistractors(answer, sentence, vocabulary, seededRandom(seed), 3)!)
        byShape.add(p.toLowerCase());
    }
    expect([...byShape].some((p) => !GASES.includes(p))).toBe(true);
  });

  it('never offers a term that means the same as the answer', async () => {
    const similarity = await TermSimilarity.of(vocabulary, fakeEmbedder({ xenon: 'argon' }));
    for (let seed = 1; seed <= 5; seed++) {
      expect(pickDistractors(answer, sentence, vocabulary, seededRandom(seed), 3, similarity)).not.toContain(
        'xenon',
      );
    }
  });

  it('falls back to shape when the embedder fails', async () => {
    const broken: Embedder = {
      id: 'broken:3',
      dimensions: 3,
      embed: () => Promise.reject(new Error('down')),
    };
    expect(await TermSimilarity.of(vocabulary, broken)).toBeUndefined();
  });
});
