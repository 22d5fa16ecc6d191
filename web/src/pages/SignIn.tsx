// Sign in as a person (e-mail, password, and a TOTP code when the account has one) or, for the
// demo and for machines, with an API token, which is kept in this tab's sessionStorage only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestFailed, keepToken, request } from '../api.js';
import { viewerFor, type Viewer } from '../session.js';

export function SignInPage(props: { readonly onSignedIn: (viewer: Viewer) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const explain = (error: unknown) => {
    if (error instanceof RequestFailed && error.status === 429) return t('signIn.throttled');
    if (error instanceof RequestFailed && (error.status === 401 || error.status === 403 || error.code === 'SETU_ERR_USERS_SIGN_IN_FAILED')) return t('signIn.refused');
    return t('status.failed', { message: error instanceof Error ? error.message : String(error) });
  };

  const withPassword = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      await request(undefined, '/api/v1/auth/sign-in', { method: 'POST', body: { email, password, ...(code === '' ? {} : { code }) } });
      props.onSignedIn(await viewerFor({ kind: 'session' }));
    } catch (error) {
      setFailure(explain(error));
    } finally {
      setBusy(false);
    }
  };

  const withToken = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const viewer = await viewerFor({ kind: 'token', token: token.trim() });
      keepToken(token.trim());
      props.onSignedIn(viewer);
    } catch (error) {
      setFailure(explain(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {failure === undefined ? null : <p className="error" role="alert">{failure}</p>}
      <div className="cards">
        <form className="card" onSubmit={withPassword} aria-labelledby="person-heading">
          <h2 id="person-heading">{t('signIn.person')}</h2>
          <label>
            {t('signIn.email')}
            <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} name="email" />
          </label>
          <label>
            {t('signIn.password')}
            <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
          </label>
          <label>
            {t('signIn.code')}
            <input inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} name="code" />
          </label>
          <button type="submit" disabled={busy}>{t('signIn.submit')}</button>
        </form>
        <form className="card" onSubmit={withToken} aria-labelledby="token-heading">
          <h2 id="token-heading">{t('signIn.token')}</h2>
          <p className="muted">{t('signIn.tokenHint')}</p>
          <label>
            {t('signIn.tokenLabel')}
            <input type="password" autoComplete="off" required value={token} onChange={(e) => setToken(e.target.value)} name="token" />
          </label>
          <button type="submit" disabled={busy}>{t('signIn.tokenSubmit')}</button>
        </form>
      </div>
    </main>
  );
}
