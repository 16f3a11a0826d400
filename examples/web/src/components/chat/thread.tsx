'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { askQuestion } from '@/actions/chat';
import type { MessageFieldsFragment } from '@/gql/graphql';
import { useSubscription } from '@/lib/live';
import { MessageStreamSubscription } from '@/operations/chat';
import { CitationViewer, type SourceRef, sourceOf } from '../viewer/citation-viewer';
import { AnswerText } from './answer-text';

type Message = MessageFieldsFragment;

/** A conversation: its messages, the answer streaming into the last one, and the question box. */
export function Thread({ conversationId, initial }: { conversationId: string; initial: Message[] }) {
  const [messages, setMessages] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [open, setOpen] = useState<SourceRef | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  const replace = useCallback(
    (message: Message) => setMessages((all) => all.map((m) => (m.id === message.id ? message : m))),
    [],
  );

  // Follow the stream only while the reader is at the bottom; scrolling up to read stops it.
  const follow = useCallback(() => {
    const element = scroller.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a message is added
  useLayoutEffect(follow, [messages.length]);

  const ask = async (question: string) => {
    setPending(true);
    setError(null);
    const result = await askQuestion(conversationId, question);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    const asked: Message = {
      ...result.data,
      id: `local-${result.data.id}`,
      role: 'USER',
      content: question,
      status: 'COMPLETE',
      citations: [],
    };
    pinned.current = true;
    setMessages((all) => [...all, asked, result.data]);
    return true;
  };

  return (
    <section className="thread glass" aria-label="Conversation">
      <div
        className="messages"
        ref={scroller}
        onScroll={(event) => {
          const element = event.currentTarget;
          pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
        }}
        data-testid="messages"
      >
        {messages.length === 0 ? <p className="muted">Ask anything about this room’s documents.</p> : null}
        {messages.map((message) =>
          message.role === 'USER' ? (
            <div key={message.id} className="bubble user" data-testid="question">
              {message.content}
            </div>
          ) : (
            <AssistantMessage
              key={message.id}
              message={message}
              onUpdate={replace}
              onGrow={follow}
              onOpen={setOpen}
            />
          ),
        )}
      </div>
      <Composer disabled={pending} onAsk={ask} />
      <p className="error" role="alert" style={{ padding: '0 0.9rem' }}>
        {error}
      </p>
      {open ? <CitationViewer source={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

/**
 * One answer. While it is STREAMING it follows messageStream: the first event (and any reset) carries
 * the whole text so far, so a late or reconnected subscriber resumes where the answer is; deltas in
 * between are appended. Text is committed at most once per animation frame.
 */
function AssistantMessage({
  message,
  onUpdate,
  onGrow,
  onOpen,
}: {
  message: Message;
  onUpdate: (message: Message) => void;
  onGrow: () => void;
  onOpen: (source: SourceRef) => void;
}) {
  const streaming = message.status === 'STREAMING';
  const [text, setText] = useState(message.content);
  const [error, setError] = useState<string | null>(null);
  const buffer = useRef(message.content);
  const frame = useRef(0);
  const first = useRef(true);

  useSubscription(
    MessageStreamSubscription,
    streaming ? { messageId: message.id } : null,
    ({ messageStream: event }) => {
      if (first.current || event.reset || event.message) buffer.current = event.content;
      else buffer.current += event.delta;
      first.current = false;
      if (event.done && event.message) {
        cancelAnimationFrame(frame.current);
        setText(event.message.content);
        onUpdate(event.message);
        return;
      }
      if (!frame.current)
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          setText(buffer.current);
        });
    },
    setError,
  );
  // A reconnect re-subscribes; its first event is the whole text again.
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the streamed text grows
  useLayoutEffect(onGrow, [text]);

  const byIndex = useMemo(
    () => new Map(message.citations.map((citation) => [citation.index, citation])),
    [message.citations],
  );
  const cited = useMemo(() => new Set(byIndex.keys()), [byIndex]);
  const openIndex = useCallback(
    (index: number) => {
      const source = byIndex.get(index);
      const ref = source ? sourceOf(source) : null;
      if (ref) onOpen(ref);
    },
    [byIndex, onOpen],
  );

  return (
    <article
      className={streaming ? 'bubble assistant streaming' : 'bubble assistant'}
      data-testid="answer"
      data-status={message.status}
    >
      <div data-testid="answer-text">
        <AnswerText text={streaming ? text : message.content} cited={cited} onOpen={openIndex} />
      </div>
      {/* Added once the answer is complete: below the last text, it moves nothing. */}
      {message.citations.length ? (
        <nav className="chips" aria-label="Sources">
          {message.citations.map((citation) => (
            <button
              key={citation.index}
              type="button"
              className="chip"
              data-testid="citation"
              disabled={!citation.document}
              title={
                citation.headingPath.length
                  ? `${citation.headingPath.join(' › ')}: “${citation.quote}”`
                  : citation.quote
              }
              onClick={() => openIndex(citation.index)}
            >
              [{citation.index}] {citation.documentTitle}, p. {citation.pageLabel}
            </button>
          ))}
        </nav>
      ) : null}
      {message.status === 'FAILED' || error ? (
        <span className="meta failure" role="alert">
          {message.error ?? error}
        </span>
      ) : null}
      {message.status === 'COMPLETE' && message.engine ? (
        <span className="meta">answered by the {message.engine} engine</span>
      ) : null}
    </article>
  );
}

export function Composer({
  disabled,
  onAsk,
}: {
  disabled: boolean;
  onAsk: (question: string) => Promise<boolean>;
}) {
  const [question, setQuestion] = useState('');
  const submit = async () => {
    const text = question.trim();
    if (!text || disabled) return;
    if (await onAsk(text)) setQuestion('');
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="question" className="sr-only">
        Your question
      </label>
      <textarea
        id="question"
        value={question}
        rows={1}
        placeholder="Ask about the documents… (Enter to send, Shift+Enter for a new line)"
        onChange={(event) => setQuestion(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void submit();
          }
        }}
        data-testid="question-input"
      />
      <button type="submit" className="primary" disabled={disabled} data-testid="ask">
        Ask
      </button>
    </form>
  );
}
