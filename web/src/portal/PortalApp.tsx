import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { SiteFooter } from '../components/SiteFooter.tsx';
import { SiteHeader, SiteNav } from '../components/SiteHeader.tsx';
import { mainContentId } from '../components/SkipLink.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { matchPath, useLocation } from '../router.tsx';
import { portalRoutes } from './routes.ts';

export function PortalApp() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const match = portalRoutes
    .map((route) => ({ route, params: matchPath(route.path, pathname) }))
    .find((candidate) => candidate.params !== null);

  const nav = [
    ...portalRoutes.filter((route) => route.nav).map((route) => ({
      to: route.path, label: t(route.nav!), current: matchPath(route.path, pathname) !== null,
    })),
    { to: '/can-bo', label: t('nav.staff'), current: false },
  ];

  return (
    <>
      <SiteHeader home="/" subtitle={t('site.portal')}>
        <SiteNav label={t('nav.portalLabel')} items={nav} />
      </SiteHeader>
      <main id={mainContentId} className="container main" tabIndex={-1}>
        {match ? <match.route.component params={match.params ?? {}} /> : <NotFoundPage />}
      </main>
      <SiteFooter />
    </>
  );
}
