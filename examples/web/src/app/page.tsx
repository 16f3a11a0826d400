import { redirect } from 'next/navigation';
import { sessionToken } from '@/lib/session';

export default async function Home() {
  redirect((await sessionToken()) ? '/rooms' : '/sign-in');
}
