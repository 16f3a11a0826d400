/**
 * Follow-up rewriting: "and who founded it?" after "Tell me about Madeira island" must retrieve Madeira, so
 * retrieval runs on a standalone query. Offline this is a deterministic rewrite (resolve pronouns and
 * ellipsis against the conversation's current topic); with an LLM it is one short completion, falling back
 * to the offline rewrite when the call fails.
 */
import type OpenAI from 'openai';
import { isStopword } from '../../retrieval/text-analysis.ts';
import { collapseWhitespace } from '../../text/normalize.ts';
import type { ChatTurn } from './types.ts';

export interface CondensedQuery {
  query: string;
  /** `unchanged`: the question already stood alone (or there was no history). */
  method: 'llm' | 'offline' | 'unchanged';
  /** Why the LLM rewrite was not used, when it was tried and failed. */
  fallbackReason?: string;
}

// Words that ask rather than say what about: never part of a topic.
const REQUEST_WORDS = new Set(
  (
    'tell explain describe define summarize summarise summary show give list know want like please ' +
    'let talk say said mean means meaning more else again anything something thing things question ' +
    'happen happened happens work works make made use used get got called name named ' +
    // Words for the material itself: "what is this chapter about?" names no topic.
    'chapter section page pages document text material lecture book article paper unit lesson slide slides ' +
    'notes file course topic module'
  ).split(' '),
);
// Joiners that may sit inside a topic: "Bay of Funchal", "Vasco da Gama".
const TOPIC_JOINERS = new Set(['of', 'de', 'da', 'do', 'dos', 'das', 'del', 'la', 'le', 'von', 'van', 'der']);

const CONNECTIVE = /^(?:(?:and|but|also|so|then|ok|okay|well|now|right)\b[\s,]*)+/i;
const WHAT_ABOUT = /^(?:what|how)\s+about\s+(.+)$/i;
// Personal and possessive pronouns; `there` only when it is a place ("live there"), not "is there".
const PRONOUN =
  /\b(it's|its|it|they|them|their|theirs|he|him|his|she|her|hers)\b|\b(this|that|these|those)\b(?=\s*(?:$|[?.!,;:]|\s(?:is|was|are|were|has|have|had|do|does|did|mean|means|work|works|come|came)\b))|(?<!\b(?:is|are|was|were)\s+)\b(there)\b(?!\s+(?:is|are|was|were|be|been|any|many|much|some)\b)/gi;
const POSSESSIVE = new Set(['its', 'their', 'theirs', 'his', 'hers']);

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

const isContent = (t: Token) => !isStopword(t.lower) && !REQUEST_WORDS.has(t.lower) && t.lower.length > 1;
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);

interface Phrase {
  text: string;
  score: number;
  /** Holds a capitalised word that does not open the text. */
  named: boolean;
}

/**
 * Candidate topics of a text: runs of content words (joined by "of"-like words), each cut to start at its
 * first capitalised word when it has one ("founded Madeira island" -> "Madeira island"). Names, numbers and
 * longer words score higher.
 */
function phrasesOf(text: string): Phrase[] {
  const toks = tokens(text);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const adjacent = (t: Token) => run.length > 0 && /^\s*$/.test(text.slice(run[run.length - 1].end, t.start));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (isContent(t) && (run.length === 0 || adjacent(t))) {
      run.push(t);
    } else if (TOPIC_JOINERS.has(t.lower) && adjacent(t) && toks[i + 1] && isContent(toks[i + 1])) {
      run.push(t);
    } else {
      if (run.length > 0) runs.push(run);
      run = isContent(t) ? [t] : [];
    }
  }
  if (run.length > 0) runs.push(run);

  const out: Phrase[] = [];
  for (const r of runs) {
    // A capital at the very start of the text only marks the sentence, not a name.
    const firstCap = r.findIndex((t, k) => isCapitalised(t) && (k > 0 || t.start > 0));
    const kept = (firstCap > 0 ? r.slice(firstCap) : r).slice(0, 6);
    while (kept.length > 0 && TOPIC_JOINERS.has(kept[kept.length - 1].lower)) kept.pop();
    if (kept.length === 0) continue;
    let score = 0;
    for (const t of kept) {
      score += 1 + (isCapitalised(t) ? 2 : 0) + (/\d/.test(t.text) ? 1 : 0) + (t.text.length >= 7 ? 0.5 : 0);
    }
    out.push({ text: text.slice(kept[0].start, kept[kept.length - 1].end), score, named: firstCap >= 0 });
  }
  return out;
}

/** The thing a question is about: its best phrase; among equals the later one (objects come late). */
export function topicOf(text: string): string | undefined {
  let best: Phrase | undefined;
  for (const p of phrasesOf(text)) if (!best || p.score >= best.score) best = p;
  return best?.text;
}

/** The most mentioned named phrase of an assistant answer, for turns that name no topic themselves. */
function salientName(text: string): string | undefined {
  const counts = new Map<string, { n: number; score: number }>();
  for (const sentence of text.replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, '').split(/(?<=[.!?])\s+/)) {
    for (const p of phrasesOf(sentence)) {
      if (!p.named) continue;
      const c = counts.get(p.text) ?? { n: 0, score: p.score };
      c.n++;
      counts.set(p.text, c);
    }
  }
  let best: string | undefined;
  let bestRank = -1;
  for (const [text, c] of counts) {
    const rank = c.n * 100 + c.score;
    if (rank > bestRank) {
      best = text;
      bestRank = rank;
    }
  }
  return best;
}

export function isFollowUp(question: string): boolean {
  const q = question.trim();
  if (CONNECTIVE.test(q) || WHAT_ABOUT.test(q)) return true;
  PRONOUN.lastIndex = 0;
  if (PRONOUN.test(q)) return true;
  // "Why?", "When exactly?": nothing to search for on its own.
  return tokens(q).filter(isContent).length === 0;
}

function stripEnd(text: string): string {
  return collapseWhitespace(text).replace(/[\s?!.]+$/, '');
}

function mentions(text: string, topic: string): boolean {
  const have = new Set(tokens(text).map((t) => t.lower));
  return tokens(topic)
    .filter(isContent)
    .every((t) => have.has(t.lower));
}

function resolvePronouns(text: string, topic: string): { text: string; replaced: boolean } {
  let replaced = false;
  const out = text.replace(
    PRONOUN,
    (word: string, personal?: string, demonstrative?: string, place?: string) => {
      replaced = true;
      if (place) return `in ${topic}`;
      const w = (personal ?? demonstrative ?? word).toLowerCase();
      if (w === "it's") return `${topic} is`;
      return POSSESSIVE.has(w) ? `${topic}'s` : topic;
    },
  );
  return { text: out, replaced };
}

interface TurnState {
  topic?: string;
  query?: string;
}

function rewrite(question: string, state: TurnState): { query: string; topic?: string; changed: boolean } {
  const original = stripEnd(question);
  if (!state.topic || !isFollowUp(question)) {
    return { query: original, topic: topicOf(original) ?? state.topic, changed: false };
  }
  const topic = state.topic;
  const body = stripEnd(original.replace(CONNECTIVE, ''));

  const about = WHAT_ABOUT.exec(body);
  if (about) {
    const subject = stripEnd(about[1]);
    const resolved = resolvePronouns(subject, topic);
    if (resolved.replaced) return { query: resolved.text, topic, changed: true };
    // "what about Porto Santo?" asks the last question again of a new subject.
    if (tokens(subject).some(isCapitalised) && state.query && state.query.includes(topic)) {
      return { query: state.query.replace(topic, subject), topic: subject, changed: true };
    }
    return { query: `${subject} of ${topic}`, topic, changed: true };
  }

  const resolved = resolvePronouns(body, topic);
  if (resolved.replaced) return { query: resolved.text, topic, changed: true };
  if (body === '' || mentions(body, topic)) return { query: body || topic, topic, changed: body === '' };
  return { query: `${body} ${topic}`, topic, changed: true };
}

/**
 * Deterministic follow-up rewrite. Walks the user turns so a chain of follow-ups keeps its topic
 * ("Tell me about Madeira" -> "who founded it?" -> "and when?"); a turn that names no topic borrows the
 * most mentioned name of the assistant answer after it.
 */
export function condenseOffline(history: ChatTurn[], question: string): CondensedQuery {
  const state: TurnState = {};
  for (let i = 0; i < history.length; i++) {
    const turn = history[i];
    if (turn.role === 'user') {
      const r = rewrite(turn.content, state);
      state.topic = r.topic;
      state.query = r.query;
    } else if (!state.topic) {
      state.topic = salientName(turn.content);
    }
  }
  const lastAnswer = [...history].reverse().find((t) => t.role === 'assistant');
  if (!state.topic && lastAnswer) state.topic = salientName(lastAnswer.content);
  const r = rewrite(question, state);
  return r.changed ? { query: r.query, method: 'offline' } : { query: r.query, method: 'unchanged' };
}

export const CONDENSE_SYSTEM_PROMPT =
  'You rewrite the last user message of a conversation into one standalone search query that can be ' +
  'understood without the conversation. Resolve pronouns and ellipsis ("it", "that", "what about X") ' +
  'from earlier turns. Keep names, numbers and technical terms exactly as written. Do not answer the ' +
  'question. Reply with the query only, on one line.';

const MAX_TURNS = 6;
const MAX_TURN_CHARS = 800;

export function condenseMessages(history: ChatTurn[], question: string): OpenAI.ChatCompletionMessageParam[] {
  const lines = history.slice(-MAX_TURNS).map((t) => {
    const text = collapseWhitespace(t.content.replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, ''));
    const cut = text.length > MAX_TURN_CHARS ? `${text.slice(0, MAX_TURN_CHARS)}…` : text;
    return `${t.role === 'user' ? 'User' : 'Assistant'}: ${cut}`;
  });
  return [
    { role: 'system', content: CONDENSE_SYSTEM_PROMPT },
    {
      role: 'user',
      content: `Conversation:\n${lines.join('\n')}\n\nLast message: ${question.trim()}\n\nStandalone query:`,
    },
  ];
}

export interface CondenseLlmOptions {
  /** Per-call limit; the rewrite is on the answer's critical path. */
  timeoutMs?: number;
}

/**
 * LLM rewrite with the offline one as fallback (any provider error, timeout or unusable reply). Skips the
 * call when there is no history. Rethrows only when the caller's signal aborted.
 */
export async function condenseWithLlm(
  client: OpenAI,
  model: string,
  history: ChatTurn[],
  question: string,
  signal: AbortSignal,
  options: CondenseLlmOptions = {},
): Promise<CondensedQuery> {
  if (history.length === 0) return { query: stripEnd(question), method: 'unchanged' };
  try {
    const res = await client.chat.completions.create(
      { model, messages: condenseMessages(history, question), temperature: 0, max_tokens: 96, stream: false },
      { signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs ?? 10_000)]), maxRetries: 0 },
    );
    const query = cleanLlmQuery(res.choices[0]?.message?.content ?? '');
    if (!query) throw new Error('the model returned no usable query');
    return { query, method: 'llm' };
  } catch (err) {
    signal.throwIfAborted();
    const reason = err instanceof Error ? err.message : String(err);
    return { ...condenseOffline(history, question), fallbackReason: reason };
  }
}

function cleanLlmQuery(raw: string): string | undefined {
  const line = raw
    .trim()
    .split('\n')[0]
    .replace(/^(?:standalone\s+)?(?:search\s+)?query\s*:\s*/i, '')
    .replace(/^["'“”]+|["'“”]+$/g, '')
    .trim();
  if (line === '' || line.length > 500) return undefined;
  return line;
}
