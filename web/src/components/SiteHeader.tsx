import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';

/** The red band with the service name; `children` is the area's own navigation or account bar. */
export function SiteHeader({ home, subtitle, children }: { home: string; subtitle: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link to={home} className="site-header__brand">
          <span className="site-header__name">{t('site.name')}</span>
          <span className="site-header__subtitle"> — {subtitle}</span>
        </Link>
      </div>
      {children}
    </header>
  );
}

export interface NavItem {
  to: string;
  label: string;
  current: boolean;
}

export function SiteNav({ label, items }: { label: string; items: NavItem[] }) {
  if (!items.length) return null;
  return (
    <nav className="site-nav" aria-label={label}>
      <ul className="container site-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="site-nav__link" aria-current={item.current ? 'page' : undefined}>{item.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
