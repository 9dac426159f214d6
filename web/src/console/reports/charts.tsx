// Small accessible SVG charts, written by hand: each is a figure whose caption names it, an SVG image with a text
// description (what a screen reader announces), a legend in text, and the same numbers as a table under a
// "show the data" disclosure. Colours are never the only cue: the legend and the table carry every value.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface Series {
  key: string;
  label: string;
  color: string;
  values: number[];
}

const WIDTH = 480;
const HEIGHT = 240;
const PAD = { top: 14, right: 8, bottom: 34, left: 44 };

/** A round maximum for the axis: 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

function ticks(max: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
}

function ChartFrame({ id, title, description, legend, table, children }: {
  id: string; title: string; description: string; legend?: { label: string; color: string }[]; table: ReactNode; children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {legend && (
        <ul className="chart__legend">
          {legend.map((l) => (
            <li key={l.label}><span className="chart__swatch" style={{ background: l.color }} aria-hidden="true" />{l.label}</li>
          ))}
        </ul>
      )}
      <details className="details chart__data">
        <summary>{t('reports.chartData')}</summary>
        {table}
      </details>
    </figure>
  );
}

function YAxis({ max, format }: { max: number; format: (n: number) => string }) {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  return (
    <g className="chart__axis">
      {ticks(max).map((v) => {
        const y = PAD.top + plotHeight - (v / max) * plotHeight;
        return (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="chart__grid" />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end">{format(v)}</text>
          </g>
        );
      })}
    </g>
  );
}

/** Stacked columns, one per category; with `percent`, each column is the shares of its total (100%). */
export function StackedColumns({ id, title, description, categories, names = categories, series, format, percent = false, caption }: {
  id: string; title: string; description: string; categories: string[]; names?: string[]; series: Series[]; format: (n: number) => string;
  percent?: boolean; caption: string;
}) {
  const { t } = useI18n();
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = percent ? 1 : niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(48, band * 0.6);
  const percentFormat = (n: number) => `${Math.round(n * 100)}%`;
  return (
    <ChartFrame id={id} title={title} description={description} legend={series.map((s) => ({ label: s.label, color: s.color }))}
      table={
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr><th scope="col">{t('reports.period')}</th>{series.map((s) => <th scope="col" key={s.key}>{s.label}</th>)}<th scope="col">{t('reports.total')}</th></tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}><th scope="row">{names[i]}</th>{series.map((s) => <td key={s.key}>{format(s.values[i])}</td>)}<td>{format(totals[i])}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      }>
      <YAxis max={max} format={percent ? percentFormat : format} />
      {categories.map((c, i) => {
        let y = PAD.top + plotHeight;
        const x = PAD.left + band * i + (band - barWidth) / 2;
        return (
          <g key={c}>
            {series.map((s) => {
              const value = percent ? (totals[i] ? s.values[i] / totals[i] : 0) : s.values[i];
              const h = (value / max) * plotHeight;
              y -= h;
              return h > 0 ? <rect key={s.key} x={x} y={y} width={barWidth} height={h} fill={s.color} /> : null;
            })}
            <text x={x + barWidth / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="chart__label">{c}</text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** Horizontal bars, one per item (e.g. overdue dossiers per unit). */
export function Bars({ id, title, description, items, color, format, caption, valueLabel }: {
  id: string; title: string; description: string; items: { label: string; value: number }[]; color: string;
  format: (n: number) => string; caption: string; valueLabel: string;
}) {
  const { t } = useI18n();
  const rowHeight = 26;
  const labelWidth = 200;
  const height = Math.max(60, items.length * rowHeight + 24);
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)));
  const plotWidth = WIDTH - labelWidth - 60;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <desc id={`${id}-desc`}>{description}</desc>
        {items.map((item, i) => {
          const y = 12 + i * rowHeight;
          const w = (item.value / max) * plotWidth;
          return (
            <g key={item.label}>
              <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="chart__label">{item.label.length > 26 ? `${item.label.slice(0, 25)}…` : item.label}</text>
              <rect x={labelWidth} y={y + 3} width={Math.max(0, w)} height={rowHeight - 8} fill={color} />
              <text x={labelWidth + w + 6} y={y + 15} className="chart__value">{format(item.value)}</text>
            </g>
          );
        })}
      </svg>
      <details className="details chart__data">
        <summary>{t('reports.chartData')}</summary>
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">{caption}</caption>
            <thead><tr><th scope="col">{t('reports.unit')}</th><th scope="col">{valueLabel}</th></tr></thead>
            <tbody>{items.map((item) => <tr key={item.label}><th scope="row">{item.label}</th><td>{format(item.value)}</td></tr>)}</tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A line of shares (0–1) over the categories; a category without data leaves a gap. */
export function ShareLine({ id, title, description, categories, names = categories, values, counts, color, caption, valueLabel, countLabel, format }: {
  id: string; title: string; description: string; categories: string[]; names?: string[]; values: (number | null)[]; counts: number[]; color: string;
  caption: string; valueLabel: string; countLabel: string; format: (ratio: number) => string;
}) {
  const { t } = useI18n();
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const band = plotWidth / Math.max(1, categories.length);
  const point = (i: number, v: number) => [PAD.left + band * i + band / 2, PAD.top + plotHeight - v * plotHeight] as const;
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    const [x, y] = point(i, v);
    current += `${current ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <ChartFrame id={id} title={title} description={description}
      table={
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">{caption}</caption>
            <thead><tr><th scope="col">{t('reports.period')}</th><th scope="col">{valueLabel}</th><th scope="col">{countLabel}</th></tr></thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c}><th scope="row">{names[i]}</th><td>{values[i] === null ? '—' : format(values[i]!)}</td><td>{counts[i]}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      }>
      <YAxis max={1} format={(n) => `${Math.round(n * 100)}%`} />
      {segments.map((d) => <path key={d} d={d} fill="none" stroke={color} strokeWidth={3} />)}
      {values.map((v, i) => {
        if (v === null) return null;
        const [x, y] = point(i, v);
        return <circle key={categories[i]} cx={x} cy={y} r={4.5} fill={color} />;
      })}
      {categories.map((c, i) => (
        <text key={c} x={PAD.left + band * i + band / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="chart__label">{c}</text>
      ))}
    </ChartFrame>
  );
}
