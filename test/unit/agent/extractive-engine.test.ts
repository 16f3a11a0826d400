import { describe, expect, it } from 'vitest';
import {
  ExtractiveAnswerEngine,
  NOT_COVERED_ANSWER,
  rankSentences,
  rankSentencesByMeaning,
  wordDeltas,
} from '../../../src/conversations/engine/extractive-engine.ts';
import type { AnswerInput, SourceChunk } from '../../../src/conversations/engine/types.ts';
import { verifyAnswer } from '../../../src/conversations/engine/verify.ts';
import type { Embedder } from '../../../src/retrieval/ports.ts';
import { MADEIRA_SOURCES } from './sample-sources.ts';

const FOUNDING =
  'The first settlement on Madeira island was founded by João Gonçalves Zarco, Tristão Vaz Teixeira and Bartolomeu Perestrelo around 1420.';

function ask(query: string, sources: SourceChunk[] = MADEIRA_SOURCES, signal = new AbortController().signal) {
  const deltas: string[] = [];
  const input: AnswerInput = {
    question: query,
    standaloneQuery: query,
    history: [],
    sources,
    signal,
    onDelta: (d) => deltas.push(d),
  };
  return { deltas, run: () => new ExtractiveAnswerEngine().answer(input) };
}

describe('ExtractiveAnswerEngine', () => {
  it('answers with the sentence holding the fact, verbatim, cited to its source', async () => {
    const { deltas, run } = ask('who founded Madeira island');
    const { text } = await run();
    expect(text.startsWith(`${FOUNDING} [2]`)).toBe(true);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(text);
    const verified = verifyAnswer(text, MADEIRA_SOURCES);
    expect(verified.invalidMarkers).toEqual([]);
    expect(verified.groundedness).toBe(1);
    expect(verified.citations.find((c) => c.index === 2)?.quote).toBe(FOUNDING);
  });

  it('picks a different source when the question asks for a different fact', async () => {
    const { text } = await ask('What is the capital of Madeira?').run();
    expect(text).toContain('Its capital is Funchal, a port city on the south coast. [1]');
    expect(text).not.toContain('[3]');
  });

  it('quotes a sentence that the chunk wraps over lines and double spaces as one clean line', async () => {
    const { text } = await ask('Which crop did the settlers export after clearing the forests?').run();
    expect(text).toContain(
      'In the following decades the settlers cleared the forests with fire, and sugar cane became the main export crop by the end of the fifteenth century. [2]',
    );
  });

  it('gives 2 to 4 sentences without repeating one from an overlapping chunk', async () => {
    const overlapping = [
      ...MADEIRA_SOURCES,
      { ...MADEIRA_SOURCES[1], chunkId: 'c-history-overlap', score: 0.5 },
    ];
    const { text } = await ask(
      'Madeira island history settlement Portuguese sailors 1419',
      overlapping,
    ).run();
    const markers = text.match(/\[\d+\]/g) ?? [];
    expect(markers.length).toBeGreaterThanOrEqual(2);
    expect(markers.length).toBeLessThanOrEqual(4);
    const sentences = text.split(/ \[\d+\] ?/).filter(Boolean);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('says the material does not cover an unrelated question, with no citations', async () => {
    const { text } = await ask('What is the boiling point of liquid nitrogen?').run();
    expect(text).toBe(NOT_COVERED_ANSWER);
    expect(text).not.toMatch(/\[\d+\]/);
    expect((await ask('Who founded Madeira?', []).run()).text).toBe(NOT_COVERED_ANSWER);
  });

  it('does not treat one shared common word as coverage', async () => {
    // "island" is everywhere in the sources; the question is about something they never mention.
    const { text } = await ask('Which island has the tallest lighthouse in Japan?').run();
    expect(text).toBe(NOT_COVERED_ANSWER);
  });

  it('stops streaming when aborted', async () => {
    const ac = new AbortController();
    const { deltas, run } = ask(
      'Tell me about Madeira island history and its capital',
      MADEIRA_SOURCES,
      ac.signal,
    );
    const done = run();
    await new Promise(setImmediate);
    await new Promise(setImmediate);
    ac.abort(new Error('conversation deleted'));
    await expect(done).rejects.toThrow('conversation deleted');
    const seen = deltas.length;
    expect(seen).toBeLessThan(5);
    await new Promise((r) => setTimeout(r, 20));
    expect(deltas.length).toBe(seen);
  });

  it('interleaves concurrent answers instead of running them one after another', async () => {
    const order: number[] = [];
    const engine = new ExtractiveAnswerEngine();
    await Promise.all(
      [0, 1].map((k) =>
        engine.answer({
          question: 'who founded Madeira island',
          standaloneQuery: 'who founded Madeira island',
          history: [],
          sources: MADEIRA_SOURCES,
          signal: new AbortController().signal,
          onDelta: () => order.push(k),
        }),
      ),
    );
    // Both streams have started before either has finished.
    expect(order.indexOf(1)).toBeLessThan(order.lastIndexOf(0));
  });

  it('ranks by rare query words, not by words every sentence shares', () => {
    const ranked = rankSentences('Funchal port', MADEIRA_SOURCES);
    expect(ranked[0].text).toContain('Its capital is Funchal, a port city');
    expect(ranked[0].sourceIndex).toBe(1);
  });

  it('splits text into deltas that join back exactly', () => {
    const text = 'One two  three four five. [1] Six';
    expect(wordDeltas(text, 2)).toEqual(['One two  ', 'three four ', 'five. [1] ', 'Six']);
  });
});

describe('ExtractiveAnswerEngine ranking by meaning', () => {
  const QUESTION = 'Which gas do the vents release?';
  // Cosines to the question as a small model gives them: everything on the topic sits close together.
  const COSINES: Record<string, number> = {
    'The vents release mostly neon, with traces of argon.': 0.8,
    'Tourists photograph the vents from the rim every morning.': 0.74,
    'The vents were first mapped by a survey team in 1990.': 0.73,
    'A warm wind blows from the vents after sunset.': 0.75,
    'The lighthouse keeper painted the tower white every spring.': 0.45,
  };
  const fakeModel: Embedder = {
    id: 'fake-model:2',
    dimensions: 2,
    async embed(texts) {
      return texts.map((text) => {
        const c = COSINES[text] ?? 1; // the question itself
        return new Float32Array([c, Math.sqrt(1 - c * c)]);
      });
    },
  };
  const sources = [
    Object.keys(COSINES).slice(0, 4).join(' '),
    'The lighthouse keeper painted the tower white every spring.',
  ].map((text, i) => ({ ...MADEIRA_SOURCES[i]!, chunkId: `v${i}`, text }));

  it('answers with the sentence that holds it, not padded with every sentence near the topic', async () => {
    const engine = new ExtractiveAnswerEngine({ embedder: fakeModel });
    expect(await engine.compose(QUESTION, sources)).toBe(
      'The vents release mostly neon, with traces of argon. [1]',
    );
    const ranked = await rankSentencesByMeaning(QUESTION, sources, { embedder: fakeModel });
    expect(ranked[0]!.meaning).toBe(1);
    // 0.74 between the pool's lowest 0.45 and best 0.8, cubed: 0.57 (relative to the best alone, 0.93).
    expect(ranked.find((s) => s.text.startsWith('Tourists'))!.meaning).toBeCloseTo(
      ((0.74 - 0.45) / 0.35) ** 3,
    );
  });
});
