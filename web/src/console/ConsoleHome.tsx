import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { hasAnyRole, useUser } from '../session.tsx';
import { DossierQueueSummary } from './dossiers/QueueSummary.tsx';
import { consoleHome } from './paths.ts';
import { consoleRoutes } from './routes.ts';

export function ConsoleHome() {
  const { t, pick } = useI18n();
  const user = useUser();
  usePageTitle(t('consoleHome.title'));
  const pages = consoleRoutes.filter((route) => route.nav && route.path !== consoleHome && hasAnyRole(user, route.roles));

  return (
    <>
      <h1>{t('consoleHome.welcome', { name: user.fullName })}</h1>
      {user.kind === 'citizen' && <p className="lead">{t('consoleHome.citizen')}</p>}
      {user.unitName && <p className="lead">{t('consoleHome.unit', { unit: user.unitName })}</p>}
      <DossierQueueSummary />
      <h2>{t('consoleHome.grantsHeading')}</h2>
      {user.grants.length ? (
        <table className="table">
          <caption className="visually-hidden">{t('consoleHome.grantsHeading')}</caption>
          <thead>
            <tr><th scope="col">{t('consoleHome.role')}</th><th scope="col">{t('consoleHome.reach')}</th></tr>
          </thead>
          <tbody>
            {user.grants.map((grant) => (
              <tr key={`${grant.role}:${grant.unitId}`}>
                <td>{pick(grant.label, grant.labelEn)}</td>
                <td>{t('consoleHome.reachText', { unit: grant.unitName })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>{t('consoleHome.noGrants')}</p>}
      {pages.length > 0 && (
        <>
          <h2>{t('consoleHome.pagesHeading')}</h2>
          <ul className="link-list">
            {pages.map((route) => <li key={route.path}><Link to={route.path}>{t(route.nav!)}</Link></li>)}
          </ul>
        </>
      )}
    </>
  );
}
