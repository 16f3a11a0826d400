import { redirect } from 'next/navigation';
import { LivePlayer } from '@/components/live/live-player';
import { sessionToken } from '@/lib/session';

export default async function PlayPage({ params }: PageProps<'/live/[sessionId]'>) {
  if (!(await sessionToken())) redirect('/sign-in?next=/live');
  const { sessionId } = await params;
  return <LivePlayer sessionId={decodeURIComponent(sessionId)} />;
}
