/**
 * The offline quiz drafter on the real local model: wrong options of a multiple-choice question are near
 * the answer in meaning (a gas for a gas, a rock for a rock), where picking by shape alone mostly offers
 * terms of another kind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateVerifiedQuestions } from '../../src/quizzes/engine/generate.ts';
import { OfflineQuizDrafter } from '../../src/quizzes/engine/offline-drafter.ts';
import { buildVocabulary } from '../../src/quizzes/engine/vocabulary.ts';
import { LocalModelEmbedder } from '../../src/retrieval/model/local-model-embedder.ts';
import type { Embedder } from '../../src/retrieval/ports.ts';
import { ISLAND_NOTES, sameKindDistractors } from '../helpers/meaning-fixtures.ts';
import { MODEL, MODELS_DIR, modelPresent, reportMissingModel } from './model-fixture.ts';

reportMissingModel('the quiz drafter with the local model');

const text = ISLAND_NOTES.join(' ');
const chunks = [{ chunkId: 'c1', documentId: 'd', text, pageStart: 1, pageEnd: 1 }];
const vocabulary = buildVocabulary([text]);

async function shareOfSameKind(embedder?: Embedder) {
  let same = 0;
  let total = 0;
  for (const seed of [1, 2, 3, 4, 5]) {
    const { questions } = await generateVerifiedQuestions({
      drafter: new OfflineQuizDrafter({ seed, vocabulary, embedder }),
      chunks,
      count: 8,
      kinds: ['MULTIPLE_CHOICE'],
    });
    const counted = sameKindDistractors(questions);
    same += counted.same;
    total += counted.total;
  }
  expect(total).toBeGreaterThanOrEqual(12);
  return same / total;
}

describe.runIf(modelPresent)('OfflineQuizDrafter with the local model', () => {
  const embedder = new LocalModelEmbedder({ modelsDir: MODELS_DIR, model: MODEL, workers: 1 });
  afterAll(() => embedder.close());

  it('offers wrong options of the answer’s kind, where shape alone mostly does not', async () => {
    const byShape = await shareOfSameKind();
    const byMeaning = await shareOfSameKind(embedder);
    expect(byShape).toBeLessThan(0.5);
    expect(byMeaning).toBeGreaterThanOrEqual(0.8);
  }, 120_000);
});
