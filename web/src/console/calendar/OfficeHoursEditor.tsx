// A unit's office hours: rules in force from a date (later rules win), each with its sessions and the afternoon
// cut-off after which a paper dossier counts from the next working day.
import type { Problem } from '../../components/formErrors.ts';
import { Fieldset, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isIsoDate, shortDate } from './dates.ts';
import type { OfficeHoursRule } from './types.ts';

export const hoursIds = {
  add: 'hours-add',
  field: (i: number, part: 'from' | 'to' | 'cutoff') => `hours-${i}-${part}`,
  session: (i: number, j: number, part: 'start' | 'end') => `hours-${i}-session-${j}-${part}`,
  addSession: (i: number) => `hours-${i}-session-add`,
};

const time = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkHours(rules: OfficeHoursRule[]): Problem[] {
  const problems: Problem[] = [];
  rules.forEach((rule, i) => {
    if (!isIsoDate(rule.from)) problems.push([hoursIds.field(i, 'from'), 'calendar.hoursFromMissing']);
    if (rule.to && (!isIsoDate(rule.to) || rule.to < rule.from)) problems.push([hoursIds.field(i, 'to'), 'calendar.hoursToInvalid']);
    rule.sessions.forEach((s, j) => {
      if (!time.test(s.start)) problems.push([hoursIds.session(i, j, 'start'), 'calendar.hoursTimeInvalid']);
      if (!time.test(s.end) || s.end <= s.start) problems.push([hoursIds.session(i, j, 'end'), 'calendar.hoursEndInvalid']);
    });
    if (!rule.sessions.length) problems.push([hoursIds.addSession(i), 'calendar.hoursSessionMissing']);
    if (!time.test(rule.cutoff)) problems.push([hoursIds.field(i, 'cutoff'), 'calendar.hoursTimeInvalid']);
  });
  return problems;
}

export function OfficeHoursEditor({ rules, onChange, errors, template }: {
  rules: OfficeHoursRule[]; onChange: (rules: OfficeHoursRule[]) => void; errors: Record<string, string>; template: OfficeHoursRule;
}) {
  const { t } = useI18n();
  const update = (i: number, change: Partial<OfficeHoursRule>) => onChange(rules.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const setSession = (i: number, j: number, change: Partial<{ start: string; end: string }>) =>
    update(i, { sessions: rules[i].sessions.map((s, k) => (k === j ? { ...s, ...change } : s)) });
  return (
    <>
      {rules.length === 0 && <p>{t('calendar.hoursNone')}</p>}
      <ol className="row-list">
        {rules.map((rule, i) => (
          <li key={i} className="row-card">
            <Fieldset id={`hours-${i}`} legend={t('calendar.hoursRule', { n: i + 1, from: isIsoDate(rule.from) ? shortDate(rule.from) : '…' })}>
              <div className="form-row">
                <TextField id={hoursIds.field(i, 'from')} type="date" width="short" label={t('calendar.hoursFrom')} error={errors[hoursIds.field(i, 'from')]}
                  value={rule.from} onChange={(e) => update(i, { from: e.target.value })} />
                <TextField id={hoursIds.field(i, 'to')} type="date" width="short" label={t('calendar.hoursTo')} hint={t('common.optional')}
                  error={errors[hoursIds.field(i, 'to')]} value={rule.to ?? ''} onChange={(e) => update(i, { to: e.target.value || undefined })} />
                <TextField id={hoursIds.field(i, 'cutoff')} type="time" width="short" label={t('calendar.hoursCutoff')} hint={t('calendar.hoursCutoffHint')}
                  error={errors[hoursIds.field(i, 'cutoff')]} value={rule.cutoff} onChange={(e) => update(i, { cutoff: e.target.value })} />
              </div>
              {rule.season && <p className="hint">{t('calendar.hoursSeason', { from: rule.season.from, to: rule.season.to })}</p>}
              {rule.sessions.map((s, j) => (
                <div key={j} className="form-row form-row--end">
                  <TextField id={hoursIds.session(i, j, 'start')} type="time" width="short" label={t('calendar.sessionStart', { n: j + 1 })}
                    error={errors[hoursIds.session(i, j, 'start')]} value={s.start} onChange={(e) => setSession(i, j, { start: e.target.value })} />
                  <TextField id={hoursIds.session(i, j, 'end')} type="time" width="short" label={t('calendar.sessionEnd', { n: j + 1 })}
                    error={errors[hoursIds.session(i, j, 'end')]} value={s.end} onChange={(e) => setSession(i, j, { end: e.target.value })} />
                  <div className="form-group">
                    <button type="button" className="button button--secondary button--small"
                      onClick={() => update(i, { sessions: rule.sessions.filter((_, k) => k !== j) })}>{t('calendar.sessionRemove', { n: j + 1 })}</button>
                  </div>
                </div>
              ))}
              <div className="actions">
                {rule.sessions.length < 4 && (
                  <button type="button" id={hoursIds.addSession(i)} className="button button--secondary button--small"
                    onClick={() => update(i, { sessions: [...rule.sessions, { start: '13:00', end: '17:00' }] })}>{t('calendar.sessionAdd')}</button>
                )}
                <button type="button" className="button button--warning button--small" onClick={() => onChange(rules.filter((_, k) => k !== i))}>
                  {t('calendar.hoursRemove', { n: i + 1 })}
                </button>
              </div>
            </Fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id={hoursIds.add} className="button button--secondary"
        onClick={() => onChange([...rules, { ...template, sessions: template.sessions.map((s) => ({ ...s })) }])}>{t('calendar.hoursAdd')}</button>
    </>
  );
}
