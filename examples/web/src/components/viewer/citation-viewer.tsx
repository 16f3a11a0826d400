'use client';

import { useEffect, useRef, useState } from 'react';
import { type Highlight, PdfPage, pageWithQuote, usePdfDocument } from './pdf-page';

/** What the viewer needs from a citation (or a quiz question's evidence). */
export interface SourceRef {
  documentId: string;
  documentTitle: string;
  mimeType: string | null;
  pageStart: number;
  pageEnd: number;
  quote: string;
  /** The printed label of pageStart, when the API gives it; other pages use the file's own labels. */
  pageLabel?: string | null;
  /** The quote's boxes, when the API gives them: they decide the page shown. */
  highlights?: Highlight[];
}

/** Anything the API gives that points into a document: a citation, a question's or a card's evidence. */
interface Located {
  quote: string;
  pageStart: number;
  pageEnd: number;
  pageLabel?: string | null;
  highlights?: Highlight[];
  documentTitle?: string;
  document?: { id: string; title?: string; mimeType: string } | null;
}

/** What the viewer opens for it; null once its document was deleted. */
export function sourceOf(located: Located): SourceRef | null {
  if (!located.document) return null;
  return {
    documentId: located.document.id,
    documentTitle: located.document.title ?? located.documentTitle ?? 'Source',
    mimeType: located.document.mimeType,
    pageStart: located.pageStart,
    pageEnd: located.pageEnd,
    pageLabel: located.pageLabel ?? null,
    highlights: located.highlights ?? [],
    quote: located.quote,
  };
}

/**
 * A modal <dialog> (Esc closes it, focus stays inside and returns to the opener) showing the cited page
 * of a PDF with the quote's boxes drawn; other file kinds show the quote and the pages.
 */
export function CitationViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const isPdf = source.mimeType === 'application/pdf';

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; Esc does it for keyboards
    <dialog
      ref={dialog}
      className="viewer glass"
      aria-labelledby="viewer-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current?.close();
      }}
      data-testid="viewer"
    >
      {isPdf ? (
        <PdfSource source={source} onClose={() => dialog.current?.close()} />
      ) : (
        <>
          <ViewerHead title={source.documentTitle} onClose={() => dialog.current?.close()}>
            <span className="pill" data-testid="viewer-page">
              Pages {source.pageStart}
              {source.pageEnd !== source.pageStart ? `–${source.pageEnd}` : ''}
            </span>
          </ViewerHead>
          <blockquote className="quote" data-testid="viewer-quote">
            {source.quote}
          </blockquote>
        </>
      )}
    </dialog>
  );
}

function ViewerHead({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="viewer-head">
      <h2 id="viewer-title">{title}</h2>
      {children}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 3];

function PdfSource({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const state = usePdfDocument(`/files/${encodeURIComponent(source.documentId)}`);
  const [page, setPage] = useState<number | null>(null);
  const [zoom, setZoom] = useState(1);
  const highlights = source.highlights ?? [];

  // The quote's page: from its boxes when the API gives them, else the first page of the span with its text.
  useEffect(() => {
    if (!state || 'error' in state || page !== null) return;
    if (highlights.length) return setPage(highlights[0]!.page);
    const span = Array.from(
      { length: source.pageEnd - source.pageStart + 1 },
      (_, i) => source.pageStart + i,
    );
    void pageWithQuote(state.pdf, span, source.quote).then((found) => setPage(found ?? source.pageStart));
  }, [state, page, highlights, source]);

  const pageCount = state && 'pdf' in state ? state.pdf.numPages : null;
  // The API's label is the printed label of pageStart; other pages take the file's own labels.
  const fileLabel = state && 'labels' in state && page ? (state.labels?.[page - 1] ?? null) : null;
  const label = page === source.pageStart && source.pageLabel ? source.pageLabel : fileLabel;
  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <>
      <ViewerHead title={source.documentTitle} onClose={onClose}>
        <span className="pill" data-testid="viewer-page">
          {page === null ? 'Opening…' : `Page ${page}`}
          {page !== null && label && label !== String(page) ? ` (printed “${label}”)` : ''}
          {page !== null && pageCount ? ` of ${pageCount}` : ''}
        </span>
        <div className="row">
          <button
            type="button"
            onClick={() => setPage((p) => Math.max(1, (p ?? 1) - 1))}
            disabled={page === null || page <= 1}
          >
            ‹ Previous
          </button>
          <button
            type="button"
            onClick={() => setPage((p) => Math.min(pageCount ?? 1, (p ?? 1) + 1))}
            disabled={page === null || !pageCount || page >= pageCount}
          >
            Next ›
          </button>
        </div>
        <div className="row">
          <button
            type="button"
            aria-label="Zoom out"
            onClick={() => setZoom(ZOOMS[zoomIndex - 1]!)}
            disabled={zoomIndex <= 0}
            data-testid="zoom-out"
          >
            −
          </button>
          <span className="small" aria-live="polite" data-testid="zoom">
            {Math.round(zoom * 100)}%
          </span>
          <button
            type="button"
            aria-label="Zoom in"
            onClick={() => setZoom(ZOOMS[zoomIndex + 1]!)}
            disabled={zoomIndex >= ZOOMS.length - 1}
            data-testid="zoom-in"
          >
            +
          </button>
        </div>
      </ViewerHead>
      <blockquote className="quote" data-testid="viewer-quote">
        {source.quote}
      </blockquote>
      <div className="viewer-body" style={{ marginTop: '0.6rem' }}>
        {state && 'error' in state ? (
          <p className="error" role="alert" style={{ padding: '1rem' }}>
            Could not open the file: {state.error}
          </p>
        ) : state && page !== null ? (
          <PdfPage pdf={state.pdf} page={page} zoom={zoom} highlights={highlights} />
        ) : (
          <p className="muted" style={{ padding: '1rem' }}>
            Opening the document…
          </p>
        )}
      </div>
    </>
  );
}
