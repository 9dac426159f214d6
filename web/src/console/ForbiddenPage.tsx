import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { consoleHome } from './paths.ts';

export function ForbiddenPage() {
  const { t } = useI18n();
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <p><Link to={consoleHome}>{t('forbidden.home')}</Link></p>
    </>
  );
}
