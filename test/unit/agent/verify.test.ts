import { describe, expect, it } from 'vitest';
import { NOT_COVERED_ANSWER } from '../../../src/conversations/engine/extractive-engine.ts';
import {
  needsRepair,
  parseMarkers,
  REPAIR_INSTRUCTION,
  repairPrompt,
  verifyAnswer,
} from '../../../src/conversations/engine/verify.ts';
import { MADEIRA_SOURCES } from './sample-sources.ts';

describe('parseMarkers', () => {
  it('reads single, listed, adjacent and ranged markers', () => {
    expect(parseMarkers('a [1] b [1, 2] c [3][4] d [2-4] e [x]').map((m) => m.numbers)).toEqual([
      [1],
      [1, 2],
      [3, 4],
      [2, 3, 4],
    ]);
  });
});

describe('verifyAnswer', () => {
  it('flags markers outside the sources and removes them from the text', () => {
    const answer = 'Its capital is Funchal [1][7]. It has an area of 741 square kilometres [0, 1].';
    const r = verifyAnswer(answer, MADEIRA_SOURCES);
    expect(r.invalidMarkers).toEqual([0, 7]);
    expect(r.text).toBe('Its capital is Funchal [1]. It has an area of 741 square kilometres [1].');
    expect(r.citations.map((c) => c.index)).toEqual([1]);
  });

  it('gives each cited source one citation whose quote is verbatim chunk text', () => {
    const answer =
      'The first settlement on Madeira island was founded by João Gonçalves Zarco, Tristão Vaz Teixeira and ' +
      'Bartolomeu Perestrelo around 1420 [2]. Sugar cane became the main export crop [2]. ' +
      'Madeira lies about 520 kilometres west of the coast of Morocco [1].';
    const r = verifyAnswer(answer, MADEIRA_SOURCES);
    expect(r.citations.map((c) => c.index)).toEqual([1, 2]);
    for (const c of r.citations) {
      const source = MADEIRA_SOURCES[c.index - 1];
      expect(source.text).toContain(c.quote);
      expect(c).toMatchObject({
        chunkId: source.chunkId,
        documentId: source.documentId,
        pageStart: source.pageStart,
      });
    }
    expect(r.citations[1].quote).toBe(
      'The first settlement on Madeira island was founded by João Gonçalves Zarco, Tristão Vaz Teixeira and Bartolomeu Perestrelo around 1420.',
    );
    expect(r.citations[0].quote).toBe('about 520 kilometres west of the coast of Morocco.');
  });

  it('falls back to the best chunk sentence when the answer paraphrases, still verbatim', () => {
    const r = verifyAnswer(
      'Zarco and two companions started the first colony on Madeira [2].',
      MADEIRA_SOURCES,
    );
    const quote = r.citations[0].quote;
    expect(MADEIRA_SOURCES[1].text).toContain(quote);
    expect(quote).toContain('founded by João Gonçalves Zarco');
  });

  it('quotes across the chunk’s line breaks and double spaces from the original text', () => {
    const r = verifyAnswer(
      'The settlers cleared the forests with fire, and sugar cane became the main export crop [2].',
      MADEIRA_SOURCES,
    );
    expect(r.citations[0].quote).toBe(
      'the settlers cleared the  forests with fire,\nand sugar cane became the main export crop',
    );
  });

  it('scores a supported answer as grounded and a fabricated one as not', () => {
    const supported = verifyAnswer(
      'Funchal is the capital, a port city on the south coast [1]. Portuguese sailors reached the islands in 1419 [2].',
      MADEIRA_SOURCES,
    );
    expect(supported.groundedness).toBe(1);
    expect(supported.sentenceSupport.every((s) => s.supported && s.score >= 0.6)).toBe(true);

    const fabricated = verifyAnswer(
      'Madeira was founded by Roman traders in 200 BC [2]. Its volcanoes erupted violently during the Middle Ages [3].',
      MADEIRA_SOURCES,
    );
    expect(fabricated.groundedness).toBe(0);
    expect(fabricated.sentenceSupport.map((s) => s.supported)).toEqual([false, false]);
    // Citations still exist (the markers are valid); the support score is what tells them apart.
    expect(fabricated.citations.length).toBe(2);
  });

  it('counts the right source only: a true sentence citing the wrong chunk is unsupported', () => {
    const r = verifyAnswer('Portuguese sailors reached the islands in 1419 [3].', MADEIRA_SOURCES);
    expect(r.sentenceSupport[0].supported).toBe(false);
    expect(r.groundedness).toBe(0);
  });

  it('scores half when one of two claims is unsupported, and uncited claims count as unsupported', () => {
    const r = verifyAnswer(
      'Its capital is Funchal, a port city on the south coast [1]. The island is famous for its wine festivals.',
      MADEIRA_SOURCES,
    );
    expect(r.groundedness).toBe(0.5);
    expect(r.sentenceSupport[1]).toMatchObject({ markers: [], score: 0, supported: false });
  });

  it('attaches a marker placed after the full stop to the sentence before it', () => {
    const r = verifyAnswer(
      'Its capital is Funchal, a port city on the south coast. [1] Portuguese sailors reached the islands in 1419. [2]',
      MADEIRA_SOURCES,
    );
    expect(r.sentenceSupport.map((s) => s.markers)).toEqual([[1], [2]]);
    expect(r.groundedness).toBe(1);
  });

  it('asks for repair only when sources existed, nothing is cited and the answer does not decline', () => {
    expect(
      needsRepair(verifyAnswer('Madeira is Portuguese and its capital is Funchal.', MADEIRA_SOURCES)),
    ).toBe(true);
    expect(needsRepair(verifyAnswer('Madeira is Portuguese [9].', MADEIRA_SOURCES))).toBe(true);
    expect(needsRepair(verifyAnswer('Its capital is Funchal [1].', MADEIRA_SOURCES))).toBe(false);
    const declined = verifyAnswer(NOT_COVERED_ANSWER, MADEIRA_SOURCES);
    expect(declined.abstained).toBe(true);
    expect(declined.groundedness).toBeNull();
    expect(needsRepair(declined)).toBe(false);
    expect(needsRepair(verifyAnswer('Madeira is Portuguese.', []))).toBe(false);
  });

  it('builds a repair round from the sources, the failed answer and the instruction', () => {
    const messages = repairPrompt({
      question: 'Who founded Madeira?',
      answer: 'Zarco founded it.',
      sources: MADEIRA_SOURCES,
      contextWindow: 8000,
      reservedAnswerTokens: 500,
    });
    expect(messages.at(-1)).toEqual({ role: 'user', content: REPAIR_INSTRUCTION });
    expect(messages.at(-2)).toEqual({ role: 'assistant', content: 'Zarco founded it.' });
    expect(String(messages.at(-3)?.content)).toContain('[2] (Atlantic Islands Guide, p. 4–5)');
  });
});
