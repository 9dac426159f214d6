import { useEffect } from 'react';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { ApiErrorNotice, Loading } from '../components/Notice.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { matchPath, navigate, useLocation } from '../router.tsx';
import { hasAnyRole, SessionProvider, useSession, useUser } from '../session.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { consoleHome, signInPath } from './paths.ts';
import { consoleRoutes } from './routes.ts';

export function ConsoleApp() {
  return (
    <SessionProvider>
      <ConsoleGate />
    </SessionProvider>
  );
}

/** Sign-in page for visitors, the console for officials; a visitor who opened a deep link returns to it after. */
function ConsoleGate() {
  const { t } = useI18n();
  const { state, retry } = useSession();
  const { pathname, search } = useLocation();
  const onSignIn = pathname === signInPath;

  useEffect(() => {
    if (state.status === 'anonymous' && !onSignIn) {
      navigate(`${signInPath}?tiep=${encodeURIComponent(pathname + search)}`, { replace: true });
    }
  }, [state.status, onSignIn, pathname, search]);

  if (onSignIn) return <ConsoleFrame><LoginPage /></ConsoleFrame>;
  if (state.status === 'loading' || state.status === 'anonymous') return <ConsoleFrame><Loading /></ConsoleFrame>;
  if (state.status === 'failed') {
    return (
      <ConsoleFrame>
        <h1>{t('console.unavailable')}</h1>
        <ApiErrorNotice error={state.error} />
        <button type="button" className="button" onClick={retry}>{t('common.retry')}</button>
      </ConsoleFrame>
    );
  }
  return <ConsoleLayout><ConsolePage pathname={pathname} /></ConsoleLayout>;
}

function ConsolePage({ pathname }: { pathname: string }) {
  const user = useUser();
  const match = consoleRoutes
    .map((route) => ({ route, params: matchPath(route.path, pathname) }))
    .find((candidate) => candidate.params !== null);
  if (!match) return <NotFoundPage home={consoleHome} />;
  if (!hasAnyRole(user, match.route.roles)) return <ForbiddenPage />;
  const Page = match.route.component;
  return <Page params={match.params ?? {}} />;
}
