import { queryString } from '../../api.ts';
import type { Unit } from '../../api-types.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { ApiErrorNotice, Loading } from '../../components/Notice.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import type { PagedState } from '../../useQuery.ts';
import { kindKey, validityText } from './unitLabels.ts';

export function UnitTable({ list, at, captionId }: { list: PagedState<Unit>; at: string; captionId: string }) {
  const { t } = useI18n();
  if (list.error) return <ApiErrorNotice error={list.error} />;
  if (list.loading && !list.items.length) return <Loading />;
  if (!list.items.length) return <p>{t('units.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('units.name')}</th>
              <th scope="col">{t('units.kind')}</th>
              <th scope="col">{t('units.code')}</th>
              <th scope="col">{t('units.agencyCode')}</th>
              <th scope="col">{t('units.validity')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((unit) => (
              <tr key={unit.id}>
                <td>
                  <Link to={`/can-bo/don-vi${queryString({ cha: unit.id, ngay: at })}`}
                    aria-label={t('units.openChildren', { name: unit.fullName })}>{unit.fullName}</Link>
                </td>
                <td>{t(kindKey(unit.kind))}</td>
                <td>{unit.code ?? '—'}</td>
                <td>{unit.agencyCode ?? '—'}</td>
                <td>{validityText(unit, t) || '—'}</td>
                <td>
                  <Link to={`/can-bo/don-vi/${unit.id}`}>
                    {t('common.edit')}<span className="visually-hidden"> {unit.fullName}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </>
  );
}
