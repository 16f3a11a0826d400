import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { signOut } from '@/actions/auth';
import { apiRequest } from '@/lib/api';
import { apiWsUrl } from '@/lib/config';
import { LiveProvider } from '@/lib/live';
import { sessionToken } from '@/lib/session';
import { ViewerQuery } from '@/operations/auth';
import './globals.css';

export const metadata: Metadata = {
  title: 'Study Room',
  description: 'Ask your course material, quiz yourself, review what you missed.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b1026' };

/** Who is signed in, for the top bar; a stale cookie simply shows the signed-out bar. */
async function viewer() {
  if (!(await sessionToken())) return null;
  try {
    return (await apiRequest(ViewerQuery, {})).me;
  } catch {
    return null;
  }
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: API_URL / API_WS_URL are read at run time, never baked into the build.
  await connection();
  const me = await viewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="topbar glass">
          <Link className="brand" href={me ? '/rooms' : '/sign-in'}>
            Study Room
          </Link>
          <nav aria-label="Main">
            {me ? (
              <>
                <Link href="/rooms">Rooms</Link>
                <Link href="/live">Join a live quiz</Link>
              </>
            ) : null}
          </nav>
          {me ? (
            <form action={signOut} className="who">
              <span data-testid="signed-in-as">{me.displayName}</span>
              <button type="submit">Sign out</button>
            </form>
          ) : null}
        </header>
        <LiveProvider wsUrl={apiWsUrl()}>
          <main id="main">{children}</main>
        </LiveProvider>
      </body>
    </html>
  );
}
