'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { cancelIngestion, deleteDocument, retryIngestion } from '@/actions/documents';
import type { DocumentRowFragment } from '@/gql/graphql';
import { useSubscription } from '@/lib/live';
import { formatBytes, type UploadProgress, uploadDocument } from '@/lib/upload';
import { DocumentProgressSubscription } from '@/operations/documents';

type Row = DocumentRowFragment;

const STAGE_LABEL: Record<Row['stage'], string> = {
  QUEUED: 'Waiting for a worker',
  EXTRACTING: 'Reading the file',
  OCR: 'Reading scanned pages',
  CHUNKING: 'Cutting into passages',
  EMBEDDING: 'Embedding passages',
  INDEXING: 'Indexing',
  READY: 'Ready',
  FAILED: 'Failed',
};

const done = (row: Row) => row.status === 'READY' || row.status === 'FAILED';

/** The room's documents: upload with a byte progress bar, then each document's ingestion stages live. */
export function DocumentsPanel({
  roomId,
  canEdit,
  initial,
}: {
  roomId: string;
  canEdit: boolean;
  initial: Row[];
}) {
  const [rows, setRows] = useState(initial);
  const upsert = (row: Row) =>
    setRows((current) =>
      current.some((r) => r.id === row.id)
        ? current.map((r) => (r.id === row.id ? row : r))
        : [row, ...current],
    );
  return (
    <div className="stack">
      {canEdit ? <UploadBox roomId={roomId} onUploaded={upsert} /> : null}
      <section className="panel glass" aria-labelledby="documents-heading">
        <h2 id="documents-heading">Documents</h2>
        {rows.length === 0 ? <p className="muted">No documents yet.</p> : null}
        <ul className="list" data-testid="documents">
          {rows.map((row) => (
            <DocumentItem
              key={row.id}
              row={row}
              roomId={roomId}
              canEdit={canEdit}
              onChange={upsert}
              onRemoved={() => setRows((current) => current.filter((r) => r.id !== row.id))}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}

function UploadBox({ roomId, onUploaded }: { roomId: string; onUploaded: (row: Row) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<File | null>(null);

  const send = async (file: File) => {
    setError(null);
    setLast(file);
    setProgress({ loaded: 0, total: file.size });
    try {
      onUploaded(await uploadDocument(roomId, file, setProgress));
      setLast(null);
      if (input.current) input.current.value = '';
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const percent = progress ? Math.round((progress.loaded / Math.max(progress.total, 1)) * 100) : 0;
  return (
    <section className="panel glass" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload material</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const file = input.current?.files?.[0];
          if (file) void send(file);
        }}
      >
        <label htmlFor="file" className="sr-only">
          PDF, Word (.docx), PowerPoint (.pptx), EPUB, image, web page, Markdown or text
        </label>
        <input
          id="file"
          ref={input}
          type="file"
          accept=".pdf,.docx,.pptx,.ppsx,.epub,.png,.jpg,.jpeg,.tif,.tiff,.webp,.html,.htm,.xhtml,.md,.markdown,.txt,application/pdf,image/png,image/jpeg,image/tiff,image/webp"
          style={{ flex: 1, minWidth: 200 }}
          data-testid="file-input"
        />
        <button type="submit" className="primary" disabled={progress !== null} data-testid="upload">
          Upload
        </button>
      </form>
      <div className="status-line" aria-live="polite" data-testid="upload-status">
        {progress
          ? `Uploading ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} (${percent}%)`
          : null}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Upload"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        hidden={!progress}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      {error ? (
        <p className="error" role="alert" data-testid="upload-error">
          {error}{' '}
          {last ? (
            <button type="button" className="link" onClick={() => void send(last)}>
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}

function DocumentItem({
  row,
  roomId,
  canEdit,
  onChange,
  onRemoved,
}: {
  row: Row;
  roomId: string;
  canEdit: boolean;
  onChange: (row: Row) => void;
  onRemoved: () => void;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useSubscription(
    DocumentProgressSubscription,
    done(row) ? null : { documentId: row.id },
    ({ documentProgress }) => {
      setMessage(documentProgress.message ?? null);
      if (documentProgress.document) onChange(documentProgress.document);
      else onChange({ ...row, stage: documentProgress.stage, progress: documentProgress.progress });
    },
    setError,
  );

  const run = async (action: () => Promise<{ ok: boolean; error?: string }>) => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error ?? 'Something went wrong');
    return result.ok;
  };

  const percent = Math.round(row.progress * 100);
  return (
    <li data-testid="document" data-status={row.status} data-id={row.id}>
      <div className="row spread">
        <div style={{ minWidth: 0 }}>
          <strong data-testid="document-title">{row.title}</strong>{' '}
          <span className={`pill ${row.status.toLowerCase()}`} data-testid="document-status">
            {row.status}
          </span>
          <div className="muted small">
            {row.filename} · {formatBytes(row.sizeBytes)}
            {row.pageCount ? ` · ${row.pageCountEstimated ? 'about ' : ''}${row.pageCount} pages` : ''}
            {row.ocrPageCount ? ` (${row.ocrPageCount} read by OCR)` : ''}
            {row.status === 'READY' ? ` · ${row.chunkCount} passages` : ''}
          </div>
          {row.status === 'READY' && row.warning ? (
            <p className="notice small" data-testid="document-warning">
              {row.warning}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="row">
            {!done(row) ? (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    const result = await cancelIngestion(row.id);
                    if (result.ok) onChange(result.data);
                    return result;
                  })
                }
              >
                Cancel
              </button>
            ) : null}
            {row.status === 'FAILED' ? (
              <button
                type="button"
                disabled={busy}
                data-testid="retry"
                onClick={() =>
                  void run(async () => {
                    const result = await retryIngestion(row.id);
                    if (result.ok) onChange(result.data);
                    return result;
                  })
                }
              >
                Retry
              </button>
            ) : null}
            <button
              type="button"
              className="danger"
              disabled={busy}
              aria-label={`Delete ${row.title}`}
              onClick={() =>
                void run(async () => {
                  if (!window.confirm(`Delete “${row.title}” and everything made from it?`))
                    return { ok: true };
                  const result = await deleteDocument(roomId, row.id);
                  if (result.ok) {
                    onRemoved();
                    router.refresh();
                  }
                  return result;
                })
              }
            >
              Delete
            </button>
          </div>
        ) : null}
      </div>
      {!done(row) ? (
        <div className="stack" style={{ gap: '0.3rem', marginTop: '0.4rem' }}>
          <div className="status-line" data-testid="document-stage">
            {STAGE_LABEL[row.stage]}
            {message && message !== STAGE_LABEL[row.stage] ? ` · ${message}` : ''} · {percent}%
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label={`Ingestion of ${row.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        </div>
      ) : null}
      {row.status === 'FAILED' && row.error ? (
        <p className="failure" data-testid="document-error">
          {row.error}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
