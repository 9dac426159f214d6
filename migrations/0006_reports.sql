-- Reports: index formulas kept as data (the Decision 766 groups, evaluated by a small expression language over
-- named indicators), and per-unit report settings (the period convention, the online-share target).

create table report_formulas (
  scheme text not null,                            -- e.g. 'decision_766'
  key text not null,                               -- the group, e.g. 'transparency'
  label_vi text not null,
  label_en text not null,
  max_points numeric not null check (max_points > 0),
  expression text not null default '',             -- empty: not measured yet
  position integer not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  primary key (scheme, key)
);

insert into report_formulas (scheme, key, label_vi, label_en, max_points, expression, position) values
  ('decision_766', 'transparency', 'Công khai, minh bạch', 'Transparency', 18, '18 * infoCorrectRate', 1),
  ('decision_766', 'progress', 'Tiến độ, kết quả giải quyết', 'Progress and results', 20,
   '20 * (0.7 * onTimeRate + 0.3 * (1 - coalesce(overdueShare, 0)))', 2),
  ('decision_766', 'digitisation', 'Số hóa hồ sơ, kết quả', 'Digitisation', 22, '', 3),
  ('decision_766', 'online', 'Cung cấp dịch vụ công trực tuyến', 'Online services', 22, '22 * min(1, onlineRate / onlineTarget)', 4),
  ('decision_766', 'satisfaction', 'Mức độ hài lòng', 'Satisfaction', 18, '18 * satisfactionRate', 5);

-- Settings of a unit apply to it and every unit below it; the nearest unit with a row wins.
create table report_settings (
  unit_id uuid primary key references units (id),
  period_convention text not null default 'calendar' check (period_convention in ('calendar', 'cutoff')),
  cutoff_day smallint not null default 15 check (cutoff_day between 2 and 28),
  online_target numeric check (online_target > 0 and online_target <= 1),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
