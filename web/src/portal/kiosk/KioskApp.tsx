import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { mainContentId } from '../../components/SkipLink.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/vi.ts';
import { matchPath, useLocation } from '../../router.tsx';
import { useQuery } from '../../useQuery.ts';
import { satisfactionLevels, type SatisfactionLevel } from '../citizenTypes.ts';
import { levelKeys } from '../ratings/RatingQuestions.tsx';
import '../citizen.css';

// Kiosk mode: a tablet at the counter of one unit, activated once by an official. The citizen who has just
// collected a result types its code and taps large buttons; the screen goes back to the start by itself.

const idleMs = 90_000;
const thanksMs = 8_000;
const tokenKey = (unitId: string) => `gandan.kiosk.${unitId}`;

type Step =
  | { name: 'code' }
  | { name: 'attitude'; dossier: Checked }
  | { name: 'overall'; dossier: Checked; attitude: SatisfactionLevel }
  | { name: 'contacts'; dossier: Checked; attitude: SatisfactionLevel; overall: SatisfactionLevel | null }
  | { name: 'thanks' };

interface Checked {
  code: string;
  procedureName: string;
  applicantName: string;
}

function readToken(unitId: string): string | null {
  try {
    return localStorage.getItem(tokenKey(unitId));
  } catch {
    return null;
  }
}

export function KioskApp() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const unitCode = matchPath('/kiosk/:unitCode', pathname)?.unitCode ?? '';
  const unit = useQuery(`kiosk-unit:${unitCode}`, (signal) => api<{ unitId: string; unitName: string }>('GET', `/api/v1/public/kiosk/${encodeURIComponent(unitCode)}`, { signal }));
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => { if (unit.data) setToken(readToken(unit.data.unitId)); }, [unit.data]);

  return (
    <main id={mainContentId} className="kiosk" tabIndex={-1}>
      <div className="kiosk__bar">
        <span className="kiosk__brand">{t('site.name')}{unit.data ? ` — ${unit.data.unitName}` : ''}</span>
        <LanguageSwitch />
      </div>
      <div className="kiosk__screen">
        {unit.error ? <KioskMessage title={t('kiosk.unknownUnit')} /> : !unit.data ? <p role="status">{t('common.loading')}</p>
          : token ? <KioskRating unitName={unit.data.unitName} token={token} onRevoked={() => setToken(null)} />
          : <KioskActivation unitId={unit.data.unitId} unitCode={unitCode} onActivated={setToken} />}
      </div>
    </main>
  );
}

function KioskMessage({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return <><h1>{title}</h1>{children}</>;
}

function KioskActivation({ unitId, unitCode, onActivated }: { unitId: string; unitCode: string; onActivated: (token: string) => void }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const activate = async () => {
    try {
      const created = await api<{ token: string }>('POST', '/api/v1/kiosks', { body: { unitId }, quietUnauthorized: true });
      localStorage.setItem(tokenKey(unitId), created.token);
      onActivated(created.token);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : null);
    }
  };
  return (
    <KioskMessage title={t('kiosk.notActivated')}>
      <p className="kiosk__lead">{t('kiosk.activateLead')}</p>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error.status === 401 ? t('kiosk.signInFirst') : error.text(lang)}</p>
          {error.status === 401 && <p><a href={`/can-bo/dang-nhap?tiep=${encodeURIComponent(`/kiosk/${unitCode}`)}`}>{t('nav.staff')}</a></p>}
        </div>
      )}
      <button type="button" className="button kiosk__button" onClick={() => void activate()}>{t('kiosk.activate')}</button>
    </KioskMessage>
  );
}

function KioskRating({ unitName, token, onRevoked }: { unitName: string; token: string; onRevoked: () => void }) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>({ name: 'code' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  const reset = useCallback(() => {
    setStep({ name: 'code' });
    setCode('');
    setError(null);
  }, []);

  // Back to the start after a while without a touch, and soon after the thanks.
  useEffect(() => {
    const arm = () => {
      window.clearTimeout(timer.current);
      if (step.name !== 'code' || code) timer.current = window.setTimeout(reset, step.name === 'thanks' ? thanksMs : idleMs);
    };
    arm();
    const events = ['pointerdown', 'keydown'] as const;
    if (step.name !== 'thanks') events.forEach((e) => window.addEventListener(e, arm));
    return () => {
      window.clearTimeout(timer.current);
      events.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [step, code, reset]);

  const headers = { 'x-kiosk-token': token };
  const fail = (cause: unknown) => {
    if (cause instanceof ApiError && cause.code === 'kiosk_not_activated') onRevoked();
    setError(cause instanceof ApiError ? cause.text(lang) : t('common.problem'));
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(t('lookup.codeMissing'));
      return;
    }
    setBusy(true);
    try {
      const dossier = await api<Checked>('POST', '/api/v1/public/kiosk/check', { headers, body: { code: code.trim() } });
      setError(null);
      setStep({ name: 'attitude', dossier });
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(false);
    }
  };

  const send = async (s: Extract<Step, { name: 'contacts' }>, contactsNeeded: number | null) => {
    setBusy(true);
    try {
      await api('POST', '/api/v1/public/kiosk/ratings', {
        headers, body: { code: s.dossier.code, attitude: s.attitude, overall: s.overall, contactsNeeded },
      });
      setStep({ name: 'thanks' });
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'thanks') {
    return (
      <KioskMessage title={t('kiosk.thanks')}>
        <p className="kiosk__lead" role="status">{t('kiosk.thanksLead')}</p>
        <button type="button" className="button kiosk__button" onClick={reset}>{t('kiosk.again')}</button>
      </KioskMessage>
    );
  }
  if (step.name === 'code') {
    return (
      <KioskMessage title={t('kiosk.title')}>
        <p className="kiosk__lead">{t('kiosk.lead', { unit: unitName })}</p>
        <form onSubmit={check} noValidate className="kiosk__form">
          {error && <p className="error-message" id="kiosk-code-error" role="alert"><span className="visually-hidden">{t('common.errorPrefix')}</span>{error}</p>}
          <label className="label kiosk__label" htmlFor="kiosk-code">{t('lookup.code')}</label>
          <input id="kiosk-code" className="input kiosk__input" value={code} autoComplete="off" spellCheck={false}
            aria-describedby={error ? 'kiosk-code-error' : undefined} aria-invalid={error ? true : undefined} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="button kiosk__button" aria-busy={busy || undefined}>{t('kiosk.next')}</button>
        </form>
      </KioskMessage>
    );
  }
  const about = <p className="kiosk__dossier">{step.dossier.procedureName} — {step.dossier.applicantName} ({step.dossier.code})</p>;
  if (step.name === 'attitude') {
    return (
      <Choices title={t('rating.attitude')} about={about} error={error} keys={levelKeys}
        onPick={(level) => setStep({ name: 'overall', dossier: step.dossier, attitude: level })} onCancel={reset} />
    );
  }
  if (step.name === 'overall') {
    return (
      <Choices title={t('rating.overall')} about={about} error={error} keys={levelKeys}
        onPick={(level) => setStep({ name: 'contacts', dossier: step.dossier, attitude: step.attitude, overall: level })}
        onSkip={() => setStep({ name: 'contacts', dossier: step.dossier, attitude: step.attitude, overall: null })} onCancel={reset} />
    );
  }
  const contacts: [number, MessageKey][] = [[0, 'rating.contacts0'], [1, 'rating.contacts1'], [2, 'rating.contacts2']];
  return (
    <KioskMessage title={t('rating.contacts')}>
      {about}
      {error && <p className="error-message" role="alert">{error}</p>}
      <div className="kiosk__choices">
        {contacts.map(([n, key]) => (
          <button key={n} type="button" className="kiosk__choice" disabled={busy} onClick={() => void send(step, n)}>{t(key)}</button>
        ))}
      </div>
      <p><button type="button" className="button button--secondary kiosk__skip" disabled={busy} onClick={() => void send(step, null)}>{t('kiosk.skipSend')}</button></p>
    </KioskMessage>
  );
}

function Choices({ title, about, error, keys, onPick, onSkip, onCancel }: {
  title: string; about: ReactNode; error: string | null; keys: Record<SatisfactionLevel, MessageKey>;
  onPick: (level: SatisfactionLevel) => void; onSkip?: () => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <KioskMessage title={title}>
      {about}
      {error && <p className="error-message" role="alert">{error}</p>}
      <div className="kiosk__choices">
        {satisfactionLevels.map((level) => (
          <button key={level} type="button" className={`kiosk__choice kiosk__choice--${level}`} onClick={() => onPick(level)}>{t(keys[level])}</button>
        ))}
      </div>
      <div className="actions">
        {onSkip && <button type="button" className="button button--secondary kiosk__skip" onClick={onSkip}>{t('kiosk.skip')}</button>}
        <button type="button" className="button button--secondary kiosk__skip" onClick={onCancel}>{t('kiosk.cancel')}</button>
      </div>
    </KioskMessage>
  );
}
