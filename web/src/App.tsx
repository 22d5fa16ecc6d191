// The console's frame: who is signed in (person or token, organisation, role, node), the language
// switcher, navigation, and the page the path names. Without a viewer, the sign-in page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetToken, request } from './api.js';
import { LanguageSwitcher } from './components/LanguageSwitcher.js';
import { CollectionPage } from './pages/Collection.js';
import { DashboardPage } from './pages/Dashboard.js';
import { ObjectPage } from './pages/ObjectPage.js';
import { ReviewPage } from './pages/Review.js';
import { SearchPage } from './pages/Search.js';
import { SearchBar } from './components/SearchBar.js';
import { SignInPage } from './pages/SignIn.js';
import { Link, navigate, useLocation } from './router.js';
import { PAGE_PATHS, matchRoute } from './routes.js';
import { mayReview, resumeViewer, type Viewer } from './session.js';

export function App() {
  const { t } = useTranslation();
  const location = useLocation();
  const [viewer, setViewer] = useState<Viewer | undefined | null>(null);
  useEffect(() => {
    void resumeViewer().then((v) => setViewer(v));
  }, []);
  const route = matchRoute(location);

  useEffect(() => {
    if (viewer === undefined && route.page !== 'sign-in') navigate(PAGE_PATHS.signIn(), true);
    if (viewer !== undefined && viewer !== null && route.page === 'sign-in') navigate(PAGE_PATHS.dashboard(), true);
  }, [viewer, route.page]);

  const signOut = async () => {
    if (viewer?.credentials.kind === 'session') await request(viewer.credentials, '/api/v1/me/sign-out', { method: 'POST', body: {} }).catch(() => undefined);
    forgetToken();
    setViewer(undefined);
  };

  return (
    <>
      <a className="skip" href="#content">{t('nav.skip')}</a>
      <header className="bar">
        <span className="brand">{t('app.name')}</span>
        {viewer ? (
          <nav aria-label={t('nav.label')}>
            <Link to={PAGE_PATHS.dashboard()}>{t('nav.dashboard')}</Link>
            {mayReview(viewer) ? <Link to={PAGE_PATHS.review()}>{t('nav.review')}</Link> : null}
          </nav>
        ) : null}
        {viewer ? <SearchBar key={route.page === 'search' ? route.query : ''} initial={route.page === 'search' ? route.query : ''} /> : null}
        <span className="spacer" />
        {viewer ? (
          <span className="who" data-testid="who">
            {viewer.displayName === undefined ? t('who.token') : viewer.displayName} · {t('who.org')} <code>{viewer.orgId}</code> · {t('who.role')} <code>{viewer.role}</code> · {t('who.node')}{' '}
            <strong>{viewer.nodeName}</strong>
          </span>
        ) : null}
        <LanguageSwitcher />
        {viewer ? (
          <button type="button" className="link" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        ) : null}
      </header>
      <div id="content">
        {viewer === null ? <p className="muted" role="status">{t('status.loading')}</p> : null}
        {viewer === undefined && route.page === 'sign-in' ? <SignInPage onSignedIn={setViewer} /> : null}
        {viewer ? <Page viewer={viewer} route={route} /> : null}
      </div>
    </>
  );
}

function Page(props: { readonly viewer: Viewer; readonly route: ReturnType<typeof matchRoute> }) {
  const { t } = useTranslation();
  const { viewer, route } = props;
  switch (route.page) {
    case 'dashboard':
    case 'sign-in':
      return <DashboardPage viewer={viewer} />;
    case 'review':
      return <ReviewPage viewer={viewer} />;
    case 'search':
      return <SearchPage viewer={viewer} query={route.query} />;
    case 'collection':
      return <CollectionPage viewer={viewer} collectionId={route.collectionId} />;
    case 'object':
      return <ObjectPage key={route.objectId} viewer={viewer} collectionId={route.collectionId} objectId={route.objectId} />;
    case 'not-found':
      return (
        <main>
          <h1>{t('notFound.title')}</h1>
          <Link to={PAGE_PATHS.dashboard()}>{t('nav.dashboard')}</Link>
        </main>
      );
  }
}
