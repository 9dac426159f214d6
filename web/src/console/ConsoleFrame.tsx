import type { ReactNode } from 'react';
import { SiteFooter } from '../components/SiteFooter.tsx';
import { SiteHeader } from '../components/SiteHeader.tsx';
import { mainContentId } from '../components/SkipLink.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { consoleHome } from './paths.ts';

/** Header, main and footer of the staff console; `bar` holds the account bar and navigation once signed in. */
export function ConsoleFrame({ bar, children }: { bar?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SiteHeader home={consoleHome} subtitle={t('site.console')}>{bar}</SiteHeader>
      <main id={mainContentId} className="container main" tabIndex={-1}>{children}</main>
      <SiteFooter />
    </>
  );
}
