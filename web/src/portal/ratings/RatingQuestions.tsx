import { Fieldset, Radio } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { satisfactionLevels, type RatingAnswers, type SatisfactionLevel } from '../citizenTypes.ts';
import { TextArea } from '../TextArea.tsx';

export const ratingFieldIds = {
  attitude: 'rating-attitude', overall: 'rating-overall', contactsNeeded: 'rating-contacts', bodiesVisited: 'rating-bodies',
  infoCorrect: 'rating-info', comment: 'rating-comment',
};

export const levelKeys: Record<SatisfactionLevel, MessageKey> = {
  very_satisfied: 'rating.level.very_satisfied', satisfied: 'rating.level.satisfied', neutral: 'rating.level.neutral',
  dissatisfied: 'rating.level.dissatisfied', very_dissatisfied: 'rating.level.very_dissatisfied',
};

export type RatingDraft = Partial<RatingAnswers>;

/** The questions of Circular 01/2018 a citizen answers: attitude and overall on five levels, three facts, a comment. */
export function RatingQuestions({ value, onChange, errors }: { value: RatingDraft; onChange: (next: RatingDraft) => void; errors: Record<string, string> }) {
  const { t } = useI18n();
  const set = (patch: RatingDraft) => onChange({ ...value, ...patch });
  const scale = (field: 'attitude' | 'overall', legend: string) => (
    <Fieldset id={ratingFieldIds[field]} legend={legend} error={errors[ratingFieldIds[field]]}>
      <div className="radios">
        {satisfactionLevels.map((level, i) => (
          <Radio key={level} id={i === 0 ? ratingFieldIds[field] : `${ratingFieldIds[field]}-${level}`} name={field} label={t(levelKeys[level])}
            checked={value[field] === level} onChange={() => set({ [field]: level })} />
        ))}
      </div>
    </Fieldset>
  );
  const choice = (field: 'contactsNeeded' | 'bodiesVisited', legend: string, options: [number, MessageKey][]) => (
    <Fieldset id={ratingFieldIds[field]} legend={`${legend} (${t('common.optional').toLowerCase()})`}>
      <div className="radios radios--inline">
        {options.map(([n, key], i) => (
          <Radio key={n} id={i === 0 ? ratingFieldIds[field] : `${ratingFieldIds[field]}-${n}`} name={field} label={t(key)}
            checked={value[field] === n} onChange={() => set({ [field]: n })} />
        ))}
      </div>
    </Fieldset>
  );
  return (
    <>
      {scale('attitude', t('rating.attitude'))}
      {scale('overall', `${t('rating.overall')} (${t('common.optional').toLowerCase()})`)}
      {choice('contactsNeeded', t('rating.contacts'), [[0, 'rating.contacts0'], [1, 'rating.contacts1'], [2, 'rating.contacts2']])}
      {choice('bodiesVisited', t('rating.bodies'), [[1, 'rating.bodies1'], [2, 'rating.bodies2'], [3, 'rating.bodies3']])}
      <Fieldset id={ratingFieldIds.infoCorrect} legend={`${t('rating.info')} (${t('common.optional').toLowerCase()})`}>
        <div className="radios radios--inline">
          <Radio id={ratingFieldIds.infoCorrect} name="infoCorrect" label={t('rating.yes')} checked={value.infoCorrect === true} onChange={() => set({ infoCorrect: true })} />
          <Radio id={`${ratingFieldIds.infoCorrect}-no`} name="infoCorrect" label={t('rating.no')} checked={value.infoCorrect === false} onChange={() => set({ infoCorrect: false })} />
        </div>
      </Fieldset>
      <TextArea id={ratingFieldIds.comment} label={`${t('rating.comment')} (${t('common.optional').toLowerCase()})`} hint={t('rating.commentHint')}
        maxLength={2000} value={value.comment ?? ''} onChange={(e) => set({ comment: e.target.value })} />
    </>
  );
}
