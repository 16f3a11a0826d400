import { AuthForm } from './auth-form';

export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const { expired, next } = await searchParams;
  return (
    <section className="panel glass narrow">
      <AuthForm expired={expired === '1'} next={typeof next === 'string' ? next : ''} />
    </section>
  );
}
