import { useI18n } from '../i18n/I18nProvider.tsx';

/** Offers the other language, written in that language (as language pickers should be). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <p className="language-switch">
      <span>{t('footer.language')}: </span>
      <button type="button" className="link-button" lang={other} onClick={() => setLang(other)}>
        {other === 'en' ? 'English' : 'Tiếng Việt'}
      </button>
    </p>
  );
}
