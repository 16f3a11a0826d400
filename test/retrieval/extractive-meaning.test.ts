/**
 * The offline answer engine ranking sentences by meaning with the real local model: the sentence that
 * answers comes first, where term overlap alone picks one that merely repeats the question's words; an
 * unrelated question is still declined (meaning reorders, terms decide coverage); a failing embedder
 * leaves the term ranking.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ExtractiveAnswerEngine,
  rankSentences,
  rankSentencesByMeaning,
} from '../../src/conversations/engine/extractive-engine.ts';
import type { SourceChunk } from '../../src/conversations/engine/types.ts';
import { LocalModelEmbedder } from '../../src/retrieval/model/local-model-embedder.ts';
import type { Embedder } from '../../src/retrieval/ports.ts';
import { MODEL, MODELS_DIR, modelPresent, reportMissingModel } from './model-fixture.ts';

reportMissingModel('the extractive engine with the local model');

const source = (text: string, i: number): SourceChunk => ({
  chunkId: `c${i}`,
  documentId: 'd',
  documentTitle: 'Field notes',
  text,
  pageStart: i + 1,
  pageEnd: i + 1,
  score: 1 - i / 10,
});

const SOURCES = [
  'Tourists photograph the volcanic vents from the crater rim every morning. The path to the rim is steep.',
  'Samples were taken over three years. The vents release mostly neon, with traces of argon and helium.',
  'The lighthouse keeper painted the tower white every spring.',
].map(source);
const QUESTION = 'Which gas do the volcanic vents release?';

describe.runIf(modelPresent)('ExtractiveAnswerEngine with the local model', () => {
  const embedder = new LocalModelEmbedder({ modelsDir: MODELS_DIR, model: MODEL, workers: 1 });
  afterAll(() => embedder.close());

  it('puts the sentence that answers first, where terms alone prefer one that repeats the words', async () => {
    expect(rankSentences(QUESTION, SOURCES)[0]!.text).toMatch(/^Tourists/);
    const ranked = await rankSentencesByMeaning(QUESTION, SOURCES, { embedder });
    expect(ranked[0]!.text).toMatch(/neon/);
    expect(ranked[0]!.meaning).toBe(1);
    const engine = new ExtractiveAnswerEngine({ embedder });
    expect(engine.model).toBe('extractive-v2+bge-small-en-v1.5-q8:384');
    expect(await engine.compose(QUESTION, SOURCES)).toMatch(/^The vents release mostly neon, .* \[2\]/);
  });

  it('still declines an unrelated question', async () => {
    const engine = new ExtractiveAnswerEngine({ embedder });
    expect(await engine.compose('What is the boiling point of liquid nitrogen?', SOURCES)).toBe(
      'The material in this room does not cover that.',
    );
  });
});

describe('ExtractiveAnswerEngine with an embedder that fails', () => {
  it('ranks by terms, as without an embedder', async () => {
    const broken: Embedder = {
      id: 'broken:3',
      dimensions: 3,
      embed: () => Promise.reject(new Error('worker exited')),
    };
    const ranked = await rankSentencesByMeaning(QUESTION, SOURCES, { embedder: broken });
    expect(ranked.map((s) => s.text)).toEqual(rankSentences(QUESTION, SOURCES).map((s) => s.text));
  });
});
