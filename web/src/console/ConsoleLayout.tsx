import type { ReactNode } from 'react';
import { SiteNav } from '../components/SiteHeader.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { navigate, useLocation } from '../router.tsx';
import { hasAnyRole, useSession, useUser } from '../session.tsx';
import { ConsoleFrame } from './ConsoleFrame.tsx';
import { consoleHome, signInPath } from './paths.ts';
import { consoleRoutes } from './routes.ts';

export function ConsoleLayout({ children }: { children: ReactNode }) {
  return <ConsoleFrame bar={<><AccountBar /><ConsoleNav /></>}>{children}</ConsoleFrame>;
}

function AccountBar() {
  const { t, pick } = useI18n();
  const { signOut } = useSession();
  const user = useUser();
  const roleLabels = [...new Set(user.grants.map((grant) => pick(grant.label, grant.labelEn)))];
  const leave = async () => {
    try {
      await signOut();
    } finally {
      navigate(signInPath);
    }
  };
  return (
    <div className="account-bar">
      <div className="container account-bar__inner">
        <p className="account-bar__who">
          <span className="visually-hidden">{t('console.signedInAs')} </span>
          <strong data-testid="user-name">{user.fullName}</strong>
          {user.unitName && <span> · {user.unitName}</span>}
          {roleLabels.length > 0 && <span> · {roleLabels.join(', ')}</span>}
        </p>
        <button type="button" className="button button--secondary button--small" onClick={leave}>{t('console.signOut')}</button>
      </div>
    </div>
  );
}

function ConsoleNav() {
  const { t } = useI18n();
  const user = useUser();
  const { pathname } = useLocation();
  const items = consoleRoutes
    .filter((route) => route.nav && hasAnyRole(user, route.roles))
    .map((route) => ({
      to: route.path,
      label: t(route.nav!),
      // A section stays marked on its sub-pages (a unit's edit page is still "Units").
      current: route.path === consoleHome ? pathname === consoleHome : pathname === route.path || pathname.startsWith(`${route.path}/`),
    }));
  return <SiteNav label={t('nav.consoleLabel')} items={items} />;
}
