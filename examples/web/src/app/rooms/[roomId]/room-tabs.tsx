'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { path: '', label: 'Documents' },
  { path: '/chat', label: 'Ask' },
  { path: '/quizzes', label: 'Quizzes' },
  { path: '/review', label: 'Flashcards' },
  { path: '/members', label: 'Members' },
];

export function RoomTabs({ roomId }: { roomId: string }) {
  const pathname = usePathname();
  const base = `/rooms/${encodeURIComponent(roomId)}`;
  return (
    <nav className="tabs glass" aria-label="Room">
      {TABS.map((tab) => {
        const href = base + tab.path;
        const current = tab.path === '' ? pathname === href : pathname.startsWith(href);
        return (
          <Link key={tab.label} href={href} aria-current={current ? 'page' : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
