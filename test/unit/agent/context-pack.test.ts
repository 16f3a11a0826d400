import { describe, expect, it } from 'vitest';
import {
  ContextOverflowError,
  countMessageTokens,
  formatSource,
  packContext,
} from '../../../src/conversations/engine/context-pack.ts';
import { countPromptTokens } from '../../../src/conversations/engine/token-count.ts';
import type { ChatTurn, SourceChunk } from '../../../src/conversations/engine/types.ts';
import { countTokens } from '../../../src/text/tokens.ts';
import { MADEIRA_SOURCES } from './sample-sources.ts';

const PARAGRAPH = MADEIRA_SOURCES.map((s) => s.text.replace(/\s+/g, ' ')).join(' ');

function longSource(i: number, sentences: number): SourceChunk {
  return {
    chunkId: `c${i}`,
    documentId: `d${i % 3}`,
    documentTitle: `Document ${i % 3}`,
    pageStart: i + 1,
    pageEnd: i + 2,
    score: 1 - i / 100,
    text: Array.from({ length: sentences }, (_, k) => `Fact ${i}.${k}: ${PARAGRAPH.slice(0, 160)}.`).join(
      ' ',
    ),
  };
}

function conversation(turns: number): ChatTurn[] {
  return Array.from({ length: turns }, (_, i) => ({
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: `turn ${i}: ${PARAGRAPH.slice(0, 80 + ((i * 37) % 300))}${i % 2 ? ' [1]' : '?'}`,
  }));
}

/** Independent of the packer's own count: contents plus generous per-message framing. */
function promptTokens(messages: { content?: unknown }[]): number {
  return messages.reduce((n, m) => n + 4 + countTokens(String(m.content)), 3);
}

describe('packContext', () => {
  it('numbers sources with title and pages, in retrieval order', () => {
    const packed = packContext({
      question: 'Who founded Madeira?',
      history: [],
      sources: MADEIRA_SOURCES,
      contextWindow: 8000,
      reservedAnswerTokens: 500,
    });
    const last = String(packed.messages.at(-1)?.content);
    expect(packed.sources.map((s) => s.chunkId)).toEqual(['c-geo', 'c-history', 'c-volcano']);
    expect(last).toContain('[1] (Atlantic Islands Guide, p. 3)\nMadeira');
    expect(last).toContain('[2] (Atlantic Islands Guide, p. 4–5)\nPortuguese sailors');
    expect(last).toContain('[3] (Introduction to Volcanology, p. 12)');
    expect(last.indexOf('[1]')).toBeLessThan(last.indexOf('[2]'));
    expect(last.trimEnd().endsWith('Question: Who founded Madeira?')).toBe(true);
    expect(packed.messages[0].role).toBe('system');
    expect(packed).toMatchObject({ droppedTurns: 0, truncatedSources: 0, droppedSources: 0 });
  });

  it('never exceeds the window, over many window sizes', () => {
    const sources = Array.from({ length: 12 }, (_, i) => longSource(i, 6));
    const history = conversation(30);
    for (let window = 900; window <= 12_000; window += 373) {
      const reserved = 256 + (window % 5) * 50;
      const packed = packContext({
        question: 'and who founded it?',
        history,
        sources,
        contextWindow: window,
        reservedAnswerTokens: reserved,
      });
      expect(promptTokens(packed.messages)).toBeLessThanOrEqual(window - reserved);
      expect(countMessageTokens(packed.messages)).toBe(packed.promptTokens);
      // Sources are a prefix of the ranked list; each kept text is a prefix of the chunk text.
      packed.sources.forEach((s, i) => {
        expect(s.chunkId).toBe(sources[i].chunkId);
        expect(sources[i].text.startsWith(s.text)).toBe(true);
      });
      expect(packed.droppedSources).toBe(sources.length - packed.sources.length);
    }
  });

  it('drops the oldest turns first and keeps a contiguous, user-first tail', () => {
    const history = conversation(30);
    const packed = packContext({
      question: 'and who founded it?',
      history,
      sources: Array.from({ length: 6 }, (_, i) => longSource(i, 4)),
      contextWindow: 3000,
      reservedAnswerTokens: 500,
    });
    expect(packed.droppedTurns).toBeGreaterThan(0);
    expect(packed.history.length).toBeGreaterThan(0);
    expect(packed.history).toEqual(history.slice(packed.droppedTurns));
    expect(packed.history[0].role).toBe('user');
    const chat = packed.messages.slice(1, -1);
    expect(chat.map((m) => m.role)).toEqual(packed.history.map((t) => t.role));
    // Old citation markers are stripped from answers: they point at a previous source list.
    expect(chat.some((m) => String(m.content).includes('[1]'))).toBe(false);
  });

  it('cuts the last source that does not fit fully and reports it', () => {
    const sources = [longSource(0, 3), longSource(1, 40), longSource(2, 3)];
    const packed = packContext({
      question: 'What happened in 1419?',
      history: [],
      sources,
      contextWindow: 2000,
      reservedAnswerTokens: 400,
    });
    expect(packed.sources.length).toBe(2);
    expect(packed.truncatedSources).toBe(1);
    expect(packed.droppedSources).toBe(1);
    expect(packed.sources[1].text.length).toBeLessThan(sources[1].text.length);
    expect(String(packed.messages.at(-1)?.content)).toContain(`${formatSource(2, packed.sources[1])} …`);
  });

  it('is stable when run again on its own output (the engine re-packs what the caller packed)', () => {
    const input = {
      question: 'and who founded it?',
      history: conversation(12),
      sources: Array.from({ length: 8 }, (_, i) => longSource(i, 5)),
      contextWindow: 2500,
      reservedAnswerTokens: 300,
    };
    const first = packContext(input);
    const again = packContext({ ...input, history: first.history, sources: first.sources });
    expect(again.sources.map((s) => s.text)).toEqual(first.sources.map((s) => s.text));
    expect(again.history).toEqual(first.history);
    expect(again.droppedTurns + again.droppedSources).toBe(0);
  });

  it('refuses a question that cannot fit at all, saying what to change', () => {
    expect(() =>
      packContext({
        question: PARAGRAPH.repeat(20),
        history: [],
        sources: MADEIRA_SOURCES,
        contextWindow: 1000,
        reservedAnswerTokens: 200,
      }),
    ).toThrow(ContextOverflowError);
  });
});

describe('countPromptTokens', () => {
  it('counts exactly like the ingest tokenizer, special-token text included', () => {
    const texts = [
      PARAGRAPH,
      '日本語のテキスト 😀 — “quoted” 3.14159 [1][2] (Doc, p. 3–4)\n\n  indented\tTabs',
      "don't I'll WE'RE 12345678 a\r\nb",
    ];
    for (const t of texts) expect(countPromptTokens(t)).toBe(countTokens(t));
    expect(countPromptTokens('ends with <|endoftext|> inside')).toBeGreaterThan(5);
  });
});
