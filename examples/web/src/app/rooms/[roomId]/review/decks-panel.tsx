'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { generateFlashcards } from '@/actions/review';
import type { DeckRowFragment } from '@/gql/graphql';
import { useSubscription } from '@/lib/live';
import { DeckProgressSubscription } from '@/operations/review';

export function DecksPanel({
  roomId,
  canEdit,
  initial,
  documents,
}: {
  roomId: string;
  canEdit: boolean;
  initial: DeckRowFragment[];
  documents: Array<{ id: string; title: string }>;
}) {
  const [decks, setDecks] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upsert = (deck: DeckRowFragment) =>
    setDecks((all) =>
      all.some((d) => d.id === deck.id) ? all.map((d) => (d.id === deck.id ? deck : d)) : [deck, ...all],
    );
  return (
    <section className="panel glass stack" aria-labelledby="decks-heading">
      <h2 id="decks-heading">Decks</h2>
      {canEdit && documents.length ? (
        <form
          className="row"
          onSubmit={async (event) => {
            event.preventDefault();
            const count = Number(new FormData(event.currentTarget).get('count')) || 10;
            setBusy(true);
            setError(null);
            const result = await generateFlashcards({ roomId, count });
            setBusy(false);
            if (result.ok) upsert(result.data);
            else setError(result.error);
          }}
        >
          <label htmlFor="card-count">Cards</label>
          <input
            id="card-count"
            name="count"
            type="number"
            min={1}
            max={100}
            defaultValue={10}
            style={{ width: 90 }}
          />
          <button type="submit" className="primary" disabled={busy} data-testid="generate-deck">
            Make flashcards
          </button>
        </form>
      ) : null}
      <p className="error" role="alert">
        {error}
      </p>
      <ul className="list" data-testid="decks">
        {decks.map((deck) => (
          <DeckItem key={deck.id} deck={deck} onChange={upsert} />
        ))}
      </ul>
    </section>
  );
}

function DeckItem({ deck, onChange }: { deck: DeckRowFragment; onChange: (deck: DeckRowFragment) => void }) {
  const router = useRouter();
  const [progress, setProgress] = useState<string | null>(null);
  useSubscription(
    DeckProgressSubscription,
    deck.status === 'GENERATING' ? { deckId: deck.id } : null,
    ({ deckProgress: event }) => {
      setProgress(`round ${event.round}: ${event.verified} verified, ${event.rejected} rejected`);
      if (event.deck) onChange(event.deck);
      // Its new cards join the review queue, which the server component reads.
      if (event.status === 'READY') router.refresh();
    },
  );
  return (
    <li data-testid="deck" data-status={deck.status}>
      <strong>{deck.title}</strong> <span className={`pill ${deck.status.toLowerCase()}`}>{deck.status}</span>
      <div className="muted small">
        {deck.status === 'GENERATING'
          ? (progress ?? 'Drafting cards and checking each against its source…')
          : `${deck.cardCount} card${deck.cardCount === 1 ? '' : 's'}${deck.kind === 'MISSED_QUESTIONS' ? ' from questions you missed' : ''}`}
      </div>
      {deck.status === 'FAILED' && deck.error ? <p className="failure">{deck.error}</p> : null}
    </li>
  );
}
