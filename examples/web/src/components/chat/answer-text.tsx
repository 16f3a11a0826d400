'use client';

import { memo } from 'react';

/**
 * An answer's text with its `[n]` markers as inline chips. While the answer streams the markers are
 * plain spans of the same size as the buttons they become, so nothing reflows when citations arrive.
 */
export const AnswerText = memo(function AnswerText({
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
    <>
      {parts.map((part, i) => {
        const marker = /^\[(\d+)\]$/.exec(part);
        if (!marker) return part;
        const index = Number(marker[1]);
        const key = i; // the parts of one text, always in the same order
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
    </>
  );
});
