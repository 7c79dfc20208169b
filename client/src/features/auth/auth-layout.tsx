import type { ReactNode } from 'react';

/** The centred card that setup, login and sign-up share, before there is a top bar to show. */
export function AuthLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="auth-brand" aria-hidden="true">
          Verity
        </p>
        <h1 className="auth-title">{title}</h1>
        {intro ? <div className="auth-intro">{intro}</div> : null}
        {children}
      </div>
    </main>
  );
}
