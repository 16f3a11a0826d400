'use client';

import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';

export interface Highlight {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js, loaded on first use with its worker (a module worker bundled from pdfjs-dist). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerPort = new Worker(
      new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
      { type: 'module' },
    );
    return module;
  });
  return pdfjs;
}

export type PdfState = { pdf: PDFDocumentProxy; labels: string[] | null } | { error: string } | null;

/** Opens a PDF (fetched from this app, same origin) and its page labels; null while loading. */
export function usePdfDocument(url: string): PdfState {
  const [state, setState] = useState<PdfState>(null);
  useEffect(() => {
    let cancelled = false;
    const task = loadPdfJs().then(({ getDocument }) => getDocument({ url }));
    task
      .then(async (loading) => {
        const pdf = await loading.promise;
        const labels = await pdf.getPageLabels();
        if (!cancelled) setState({ pdf, labels });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      void task.then((loading) => loading.destroy());
    };
  }, [url]);
  return state;
}

const flatten = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The page of `pages` whose text holds the start of the quote. A citation gives its chunk's page span,
 * which can begin before the quote; when the API gives quote boxes their page is used instead.
 */
export async function pageWithQuote(pdf: PDFDocumentProxy, pages: number[], quote: string) {
  const needle = flatten(quote).slice(0, 60);
  for (const number of pages) {
    if (number < 1 || number > pdf.numPages) continue;
    const content = await (await pdf.getPage(number)).getTextContent();
    const text = flatten(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    if (text.includes(needle)) return number;
  }
  return null;
}

/**
 * One page drawn by pdf.js onto a canvas at the container's width, with highlight boxes (normalised
 * 0..1, origin top-left) laid over it as percentages, so they stay on the text at any size.
 */
export function PdfPage({
  pdf,
  page,
  highlights,
}: {
  pdf: PDFDocumentProxy;
  page: number;
  highlights: Highlight[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [aspect, setAspect] = useState(11 / 8.5);

  useEffect(() => {
    let cancelled = false;
    let render: { cancel(): void } | undefined;
    setState('loading');
    (async () => {
      const pdfPage = await pdf.getPage(page);
      if (cancelled || !canvas.current) return;
      const base = pdfPage.getViewport({ scale: 1 });
      setAspect(base.height / base.width);
      const cssWidth = canvas.current.parentElement?.clientWidth || base.width;
      const viewport = pdfPage.getViewport({
        scale: (cssWidth / base.width) * (window.devicePixelRatio || 1),
      });
      canvas.current.width = Math.floor(viewport.width);
      canvas.current.height = Math.floor(viewport.height);
      const task = pdfPage.render({ canvas: canvas.current, viewport });
      render = task;
      await task.promise;
      if (!cancelled) setState('ready');
    })().catch((error: unknown) => {
      if (!cancelled) setState({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [pdf, page]);

  const onPage = highlights.filter((box) => box.page === page);
  return (
    <div className="page" style={{ aspectRatio: `1 / ${aspect}` }} data-testid="pdf-page" data-page={page}>
      <canvas
        ref={canvas}
        data-testid="pdf-canvas"
        data-state={typeof state === 'string' ? state : 'error'}
      />
      {state === 'ready'
        ? onPage.map((box) => (
            <div
              key={`${box.x}:${box.y}:${box.width}:${box.height}`}
              className="highlight"
              data-testid="highlight"
              style={{
                left: `${box.x * 100}%`,
                top: `${box.y * 100}%`,
                width: `${box.width * 100}%`,
                height: `${box.height * 100}%`,
              }}
            />
          ))
        : null}
      {typeof state === 'object' ? (
        <p className="error" role="alert" style={{ padding: '1rem', color: '#8a1020' }}>
          Could not draw the page: {state.error}
        </p>
      ) : null}
    </div>
  );
}
