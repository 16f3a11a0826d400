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
 * One page drawn by pdf.js onto a canvas, with its text layer (selectable, findable text laid over the
 * drawing) and the highlight boxes (normalised 0..1, origin top-left) laid over it as percentages, so
 * they stay on the text at any size. `zoom` 1 is the container's width; the page is drawn again at the
 * new size when it changes, and scrolled so the first box is in view.
 */
export function PdfPage({
  pdf,
  page,
  zoom,
  highlights,
}: {
  pdf: PDFDocumentProxy;
  page: number;
  zoom: number;
  highlights: Highlight[];
}) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [aspect, setAspect] = useState(11 / 8.5);
  const [scale, setScale] = useState(1);
  const [width, setWidth] = useState(0);

  // The frame's width comes from CSS (zoom × the viewer's width); draw again whenever it changes.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!width) return;
    let cancelled = false;
    let render: { cancel(): void } | undefined;
    let layer: { cancel(): void } | undefined;
    setState('loading');
    (async () => {
      const { TextLayer } = await loadPdfJs();
      const pdfPage = await pdf.getPage(page);
      if (cancelled || !canvas.current || !text.current) return;
      const base = pdfPage.getViewport({ scale: 1 });
      setAspect(base.height / base.width);
      const cssScale = width / base.width;
      setScale(cssScale);
      const viewport = pdfPage.getViewport({ scale: cssScale * (window.devicePixelRatio || 1) });
      canvas.current.width = Math.floor(viewport.width);
      canvas.current.height = Math.floor(viewport.height);
      const task = pdfPage.render({ canvas: canvas.current, viewport });
      render = task;
      text.current.replaceChildren();
      const textLayer = new TextLayer({
        textContentSource: pdfPage.streamTextContent(),
        container: text.current,
        viewport: pdfPage.getViewport({ scale: cssScale }),
      });
      layer = textLayer;
      await Promise.all([task.promise, textLayer.render()]);
      if (!cancelled) setState('ready');
    })().catch((error: unknown) => {
      if (cancelled || (error instanceof Error && /cancel/i.test(error.name))) return;
      setState({ error: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      render?.cancel();
      layer?.cancel();
    };
  }, [pdf, page, width]);

  const onPage = highlights.filter((box) => box.page === page);
  const firstBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state === 'ready') firstBox.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [state]);

  return (
    <div
      ref={frame}
      className="page"
      style={
        {
          width: `${zoom * 100}%`,
          aspectRatio: `1 / ${aspect}`,
          '--total-scale-factor': scale,
        } as React.CSSProperties
      }
      data-testid="pdf-page"
      data-page={page}
      data-zoom={zoom}
    >
      <canvas
        ref={canvas}
        data-testid="pdf-canvas"
        data-state={typeof state === 'string' ? state : 'error'}
      />
      <div ref={text} className="textLayer" data-testid="text-layer" />
      {state === 'ready'
        ? onPage.map((box, i) => (
            <div
              key={`${box.x}:${box.y}:${box.width}:${box.height}`}
              ref={i === 0 ? firstBox : undefined}
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
