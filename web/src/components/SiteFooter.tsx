import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <LanguageSwitch />
        <p>{t('footer.about')}</p>
        <p><a href="/api/docs">{t('footer.apiDocs')}</a></p>
      </div>
    </footer>
  );
}
