import { redirect } from 'next/navigation';
import { sessionToken } from '@/lib/session';
import { JoinForm } from './join-form';

export default async function JoinPage() {
  if (!(await sessionToken())) redirect('/sign-in?next=/live');
  return <JoinForm />;
}
