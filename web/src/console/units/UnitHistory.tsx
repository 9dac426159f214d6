import type { UnitDetail, UnitLink } from '../../api-types.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';

/** Where the unit sits in the tree and which units it replaced or was replaced by. */
export function UnitHistory({ detail }: { detail: UnitDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="unit-history-title" className="section">
      <h2 id="unit-history-title">{t('units.placeTitle')}</h2>
      <p>
        {detail.ancestors.length
          ? detail.ancestors.map((a) => a.fullName).join(' › ')
          : t('units.topLevel')}
      </p>
      <LinkList title={t('units.predecessors')} links={detail.predecessors} />
      <LinkList title={t('units.successors')} links={detail.successors} />
    </section>
  );
}

function LinkList({ title, links }: { title: string; links: UnitLink[] }) {
  const { t } = useI18n();
  if (!links.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <Link to={`/can-bo/don-vi/${link.id}`}>{link.fullName}</Link>
            {link.code && <> ({link.code})</>} — {t('units.effectiveOn', { date: formatDate(link.effectiveOn) })}
          </li>
        ))}
      </ul>
    </>
  );
}
