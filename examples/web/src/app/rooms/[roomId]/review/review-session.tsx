'use client';

import { useState } from 'react';
import { reviewCard } from '@/actions/review';
import { CitationViewer, type SourceRef, sourceOf } from '@/components/viewer/citation-viewer';
import type { ReviewCardMutation, ReviewItemFieldsFragment, ReviewRating } from '@/gql/graphql';

const RATINGS: Array<{ rating: ReviewRating; label: string; hint: string }> = [
  { rating: 'AGAIN', label: 'Again', hint: 'forgot it' },
  { rating: 'HARD', label: 'Hard', hint: 'with effort' },
  { rating: 'GOOD', label: 'Good', hint: 'recalled' },
  { rating: 'EASY', label: 'Easy', hint: 'instantly' },
];

type Scheduled = ReviewCardMutation['reviewCard'];

/** The due queue, one card at a time: recall, reveal, rate (FSRS schedules it), see when it comes back. */
export function ReviewSession({ queue }: { queue: ReviewItemFieldsFragment[] }) {
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [scheduled, setScheduled] = useState<Scheduled | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [source, setSource] = useState<SourceRef | null>(null);
  const item = queue[index];

  if (!item)
    return (
      <section className="panel glass" data-testid="review-done">
        <h2>Review</h2>
        <p className="muted">
          {queue.length ? `All ${queue.length} due cards reviewed.` : 'Nothing is due right now.'}
        </p>
      </section>
    );

  const rate = async (rating: ReviewRating) => {
    setBusy(true);
    setError(null);
    const result = await reviewCard(item.card.id, rating);
    setBusy(false);
    if (result.ok) setScheduled(result.data);
    else setError(result.error);
  };
  const evidence = item.card.evidence;
  return (
    <section className="panel glass stack" aria-live="polite" data-testid="review">
      <div className="row spread">
        <h2>Review</h2>
        <span className="muted small" data-testid="review-position">
          Card {index + 1} of {queue.length} · {item.state.toLowerCase()}
        </span>
      </div>
      <div className="card-face glass" data-testid="card-front">
        {item.card.front}
      </div>
      {revealed ? (
        <>
          <div className="card-face" data-testid="card-back">
            {item.card.back}
          </div>
          <blockquote className="quote">
            “{evidence.quote}”{' '}
            <span className="muted small">
              — {evidence.documentTitle}, p. {evidence.pageLabel}
            </span>
          </blockquote>
          {evidence.document ? (
            <button
              type="button"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setSource(sourceOf(evidence))}
            >
              Open the source
            </button>
          ) : null}
          {scheduled ? (
            <div className="row spread">
              <p data-testid="next-due">
                Next review {new Date(scheduled.due).toLocaleString()} ({scheduled.state.toLowerCase()})
              </p>
              <button
                type="button"
                className="primary"
                data-testid="next-card"
                onClick={() => {
                  setIndex(index + 1);
                  setRevealed(false);
                  setScheduled(null);
                }}
              >
                Next card
              </button>
            </div>
          ) : (
            <div className="ratings">
              {RATINGS.map(({ rating, label, hint }) => (
                <button
                  key={rating}
                  type="button"
                  disabled={busy}
                  onClick={() => void rate(rating)}
                  data-testid={`rate-${rating.toLowerCase()}`}
                >
                  {label} <span className="muted small">{hint}</span>
                </button>
              ))}
            </div>
          )}
        </>
      ) : (
        <button type="button" className="primary" onClick={() => setRevealed(true)} data-testid="reveal">
          Show the answer
        </button>
      )}
      <p className="error" role="alert">
        {error}
      </p>
      {source ? <CitationViewer source={source} onClose={() => setSource(null)} /> : null}
    </section>
  );
}
