/**
 * `evaluateRetrieval`: scores a room's current index against cases of a query and the passages that
 * answer it. A chunk is relevant to a case when its text contains one of the case's quotes (both through
 * normalizeForMatch), so cases written once survive re-ingestion, re-chunking and a change of embedder.
 * Every query runs through searchRoom, exactly as `search` would answer it (fusion, reranker), 100 deep;
 * the scoring is the one eval:retrieval uses (score-cases.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Chunk } from '../../entities/document.ts';
import { Room } from '../../entities/room.ts';
import { badInput } from '../../errors.ts';
import { normalizeForMatch } from '../../text/normalize.ts';
import type { RetrievalAdapters } from '../ports.ts';
import { searchRoom } from '../search-service.ts';
import type { Judgements } from './metrics.ts';
import { type CaseScore, type CasesSummary, scoreCase, summarizeCases } from './score-cases.ts';

export const EVAL_LIMITS = { cases: 500, quotesPerCase: 10, depth: 100 } as const;

export interface RetrievalCase {
  query: string;
  relevantQuotes: string[];
}

export interface RoomEvaluation extends CasesSummary {
  /** The embedder whose vectors were searched (the room's, which may differ while it moves). */
  embedder: string;
  reranker: string | null;
}

export async function evaluateRoomRetrieval(
  em: EntityManager,
  services: RetrievalAdapters,
  input: { roomId: string; cases: RetrievalCase[]; alpha?: number },
): Promise<RoomEvaluation> {
  const { cases } = input;
  if (cases.length === 0) throw badInput('cases: give at least one case', 'cases');
  if (cases.length > EVAL_LIMITS.cases) {
    throw badInput(
      `cases: at most ${EVAL_LIMITS.cases} per evaluation (got ${cases.length}); split them into several calls`,
      'cases',
    );
  }
  const room = await em.findOneOrFail(Room, input.roomId);
  const relevant = await relevantChunks(em, input.roomId, cases);
  const unmatched = relevant.flatMap((chunks, i) => (chunks.size === 0 ? [i + 1] : []));
  if (unmatched.length > 0) {
    const listed = unmatched.slice(0, 10).join(', ') + (unmatched.length > 10 ? ', ...' : '');
    throw badInput(
      `cases ${listed}: none of the case's relevantQuotes occurs in a chunk of this room (${unmatched.length} ` +
        'of the cases). Quote text that is in a READY document, within one passage (a sentence or two)',
      'cases',
    );
  }
  const scored: CaseScore[] = [];
  for (const [i, c] of cases.entries()) {
    const hits = await searchRoom(em, services, {
      roomId: input.roomId,
      query: c.query,
      limit: EVAL_LIMITS.depth,
      alpha: input.alpha,
      // Editors and owners only evaluate: they are scored on what they search, the whole room.
      includeEditorsOnly: true,
    });
    const judged: Judgements = new Map([...relevant[i]!].map((id) => [id, 1]));
    scored.push(scoreCase({ query: c.query, ranked: hits.map((hit) => hit.chunk.id), relevant: judged }));
  }
  return {
    ...summarizeCases(scored),
    embedder: room.embedderId ?? services.embedder.id,
    reranker: services.reranker?.id ?? null,
  };
}

/**
 * For each case, the ids of the room's chunks holding one of its quotes. The room's normalised text is
 * one string (chunks separated by a character normalisation never produces) searched with indexOf per
 * distinct quote, yielding to the event loop now and then: 5,000 quotes over a large room take seconds.
 */
async function relevantChunks(
  em: EntityManager,
  roomId: string,
  cases: RetrievalCase[],
): Promise<Set<string>[]> {
  const chunks = await em.find(Chunk, { room: roomId }, { fields: ['id', 'text'] });
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    const norm = normalizeForMatch(chunk.text);
    starts.push(length);
    parts.push(norm);
    length += norm.length + 1;
  }
  const text = parts.join('\u0000');
  const chunkAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const found = new Map<string, Set<string>>();
  let searched = 0;
  for (const c of cases) {
    for (const quote of c.relevantQuotes) {
      const needle = normalizeForMatch(quote);
      if (found.has(needle)) continue;
      const ids = new Set<string>();
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        const k = chunkAt(at);
        ids.add(chunks[k]!.id);
        at = starts[k]! + parts[k]!.length; // the next chunk, at least
      }
      found.set(needle, ids);
      if (++searched % 50 === 0) await new Promise(setImmediate);
    }
  }
  return cases.map((c) => new Set(c.relevantQuotes.flatMap((q) => [...found.get(normalizeForMatch(q))!])));
}
