import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';
import { ProcedureSearchForm } from './ProcedureSearchForm.tsx';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('home.title'));
  return (
    <>
      <h1>{t('home.heading')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <ProcedureSearchForm large />
      <h2>{t('home.servicesHeading')}</h2>
      <ul className="cards">
        <li className="card">
          <h3 className="card__title"><Link to="/thu-tuc">{t('nav.procedures')}</Link></h3>
          <p>{t('home.proceduresText')}</p>
        </li>
        <li className="card">
          <h3 className="card__title"><Link to="/tra-cuu">{t('nav.lookup')}</Link></h3>
          <p>{t('home.lookupText')}</p>
        </li>
        <li className="card">
          <h3 className="card__title"><Link to="/hoi-dap">{t('nav.questions')}</Link></h3>
          <p>{t('citizenHome.qaText')}</p>
        </li>
        <li className="card">
          <h3 className="card__title"><Link to="/danh-gia">{t('rating.title')}</Link></h3>
          <p>{t('citizenHome.rateText')}</p>
        </li>
        <li className="card">
          <h3 className="card__title"><Link to="/can-bo">{t('nav.staff')}</Link></h3>
          <p>{t('home.staffText')}</p>
        </li>
      </ul>
    </>
  );
}
