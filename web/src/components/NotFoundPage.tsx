import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './usePageTitle.ts';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p><Link to={home}>{t('notFound.home')}</Link></p>
    </>
  );
}
