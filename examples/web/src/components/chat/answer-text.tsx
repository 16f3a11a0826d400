'use client';

import { memo } from 'react';

/**
 * An answer's text as paragraphs, with its `[n]` markers as inline chips. Paragraphs are memoised, so
 * while an answer streams only the last one re-renders (and re-lays out); markers are spans of the same
 * size as the buttons they become once the citations are known, so nothing reflows at the end.
 */
export function AnswerText({
  text,
  cited,
  onOpen,
}: {
  text: string;
  cited: ReadonlySet<number>;
  onOpen: (index: number) => void;
}) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text only ever grow at the end
        <Paragraph key={i} text={paragraph} cited={cited} onOpen={onOpen} />
      ))}
    </>
  );
}

const Paragraph = memo(function Paragraph({
  text,
  cited,
  onOpen,
}: {
  text: string;
  cited: ReadonlySet<number>;
  onOpen: (index: number) => void;
}) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <p className="answer-paragraph">
      {parts.map((part, i) => {
        const marker = /^\[(\d+)\]$/.exec(part);
        if (!marker) return part;
        const index = Number(marker[1]);
        const key = i; // the parts of one paragraph, always in the same order
        return cited.has(index) ? (
          <button
            key={key}
            type="button"
            className="marker"
            aria-label={`Open source ${index}`}
            onClick={() => onOpen(index)}
          >
            {index}
          </button>
        ) : (
          <span key={key} className="marker">
            {index}
          </span>
        );
      })}
    </p>
  );
});
