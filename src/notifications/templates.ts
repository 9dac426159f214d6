import { Type, type Static, type TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { Value } from 'typebox/value';
import {
  dateEn, dateTimeEn, dateTimeShort, dateTimeVi, dateVi, escapeHtml, fitSms, smsAscii, smsUnicode,
} from './format.ts';

// Notification templates. Every message is bilingual: the recipient's language first (Vietnamese by default),
// the other one below it. Email gets plain text and simple HTML; SMS gets one language only, in two variants:
// ASCII-folded (what most gateways carry intact) and Unicode.

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 instant' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const dossierBase = {
  code: Text(60),
  procedure: Text(500),
  applicantName: Type.Optional(Text(200)),
  /** The unit speaking to the applicant, e.g. "Bộ phận Một cửa phường Bồng Lai". */
  unitName: Type.Optional(Text(300)),
};

export const templateParams = {
  'dossier.received': Type.Object({
    ...dossierBase,
    /** Absent or null: no appointment (on-the-spot procedures). */
    dueAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
    /** The lookup secret printed on the receipt (email only, never SMS). */
    secret: Type.Optional(Text(100)),
  }),
  'dossier.supplement_requested': Type.Object({
    ...dossierBase,
    /** The documents to add, all at once. */
    missing: Type.Optional(Type.Array(Text(500), { minItems: 1, maxItems: 50 })),
    /** Free text from the official; at least one of `missing` and `reason` is required. */
    reason: Type.Optional(Text(2000)),
    deadline: Type.Optional(Type.Union([DateTime, Type.Null()])),
  }),
  'dossier.new_appointment': Type.Object({
    ...dossierBase,
    newDueAt: DateTime,
    previousDueAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
    /** 'apology' (form 04, the default) or 'supplement_completed' (the clock restarted after a supplement). */
    cause: Type.Optional(Type.Union([Type.Literal('apology'), Type.Literal('supplement_completed')])),
    reason: Type.Optional(Text(2000)),
  }),
  'dossier.result_ready': Type.Object({
    ...dossierBase,
    /** Where to collect the result; defaults to the unit's one-stop desk. */
    pickupPlace: Type.Optional(Text(300)),
    /** For results issued electronically. */
    downloadUrl: Type.Optional(Text(1000)),
  }),
  'dossier.returned': Type.Object({
    ...dossierBase,
    returnedAt: DateTime,
  }),
  'dossier.submitted_online': Type.Object({
    /** The submission's reference (the dossier code comes when the desk accepts it). */
    reference: Text(60),
    procedure: Text(500),
    applicantName: Type.Optional(Text(200)),
    unitName: Type.Optional(Text(300)),
    /** The lookup secret (email only, never SMS). */
    secret: Type.Optional(Text(100)),
    submittedAt: DateTime,
  }),
  'question.answered': Type.Object({
    /** The question's public reference. */
    reference: Text(60),
    title: Text(500),
    askerName: Type.Optional(Text(200)),
    unitName: Type.Optional(Text(300)),
    /** A short excerpt of the answer. */
    answerExcerpt: Type.Optional(Text(1000)),
    /** Where to read the answer; defaults to PUBLIC_URL/hoi-dap/cau-hoi/<reference>. */
    url: Type.Optional(Text(1000)),
  }),
} satisfies Record<string, TSchema>;

export type TemplateName = keyof typeof templateParams;
export type TemplateParams<T extends TemplateName> = Static<(typeof templateParams)[T]>;
export const templateNames = Object.keys(templateParams) as TemplateName[];

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && Object.hasOwn(templateParams, value);
}

const validators = new Map<TemplateName, Validator>();

function validatorOf(template: TemplateName): Validator {
  let v = validators.get(template);
  if (!v) validators.set(template, (v = Compile(templateParams[template])));
  return v;
}

/** Problems with a template's params, empty when valid. */
export function templateParamErrors(template: TemplateName, params: unknown): string[] {
  const schema = templateParams[template];
  // The compiled check is ~30 times faster than walking for errors; every message is checked three times.
  const valid = validatorOf(template).Check(params);
  const errors = valid ? [] : [...Value.Errors(schema, params)].map((e) => `${e.instancePath || '/'} ${e.message}`);
  if (!errors.length && template === 'dossier.supplement_requested') {
    const p = params as TemplateParams<'dossier.supplement_requested'>;
    if (!p.missing && !p.reason) errors.push('/ needs `missing` or `reason`');
  }
  return errors;
}

// A message is described once per language as blocks, then rendered as text and HTML.
type Block =
  | { p: string }
  | { facts: [label: string, value: string][] }
  | { list: string[] }
  | { link: string; url: string };

interface Section {
  subject: string;
  greeting: string;
  blocks: Block[];
}

interface SmsSpec {
  /** The longest free text, shortened first when the SMS is too long. */
  slot: string;
  candidates: ((slot: string) => string)[];
}

interface Env {
  publicUrl: string;
}

interface TemplateDef<P> {
  vi(p: P, env: Env): Section;
  en(p: P, env: Env): Section;
  smsVi(p: P, env: Env): SmsSpec;
  smsEn(p: P, env: Env): SmsSpec;
}

const at = (iso: string) => new Date(iso);
const lookupPage = (env: Env) => `${env.publicUrl}/tra-cuu`;
const lookupUrl = (env: Env, code: string) => `${lookupPage(env)}?code=${encodeURIComponent(code)}`;
const greetVi = (name?: string) => (name ? `Kính gửi Ông/Bà ${name},` : 'Kính gửi Ông/Bà,');
const greetEn = (name?: string) => (name ? `Dear ${name},` : 'Dear Sir or Madam,');
const deskVi = (unit?: string) => unit ?? 'Bộ phận Một cửa';
const deskEn = (unit?: string) => unit ?? 'The one-stop desk';
const lookupHintVi = 'Khi tra cứu, nhập mã hồ sơ cùng số điện thoại đã khai hoặc mã bí mật in trên giấy tiếp nhận.';
const lookupHintEn = 'To look it up, enter the dossier code with the phone number you gave or the secret printed on your receipt.';

const received: TemplateDef<TemplateParams<'dossier.received'>> = {
  vi: (p, env) => ({
    subject: `Đã tiếp nhận hồ sơ ${p.code}`,
    greeting: greetVi(p.applicantName),
    blocks: [
      { p: `${deskVi(p.unitName)} đã tiếp nhận hồ sơ của Ông/Bà.` },
      { facts: [
        ['Mã hồ sơ', p.code],
        ['Thủ tục', p.procedure],
        ...(p.dueAt ? [['Ngày hẹn trả kết quả', dateTimeVi(at(p.dueAt))] as [string, string]] : []),
        ...(p.secret ? [['Mã bí mật tra cứu', p.secret] as [string, string]] : []),
      ] },
      { link: 'Tra cứu tình trạng hồ sơ', url: lookupUrl(env, p.code) },
      { p: lookupHintVi },
    ],
  }),
  en: (p, env) => ({
    subject: `Dossier ${p.code} received`,
    greeting: greetEn(p.applicantName),
    blocks: [
      { p: `${deskEn(p.unitName)} has received your dossier.` },
      { facts: [
        ['Dossier code', p.code],
        ['Procedure', p.procedure],
        ...(p.dueAt ? [['Result due', dateTimeEn(at(p.dueAt))] as [string, string]] : []),
        ...(p.secret ? [['Lookup secret', p.secret] as [string, string]] : []),
      ] },
      { link: 'Track your dossier', url: lookupUrl(env, p.code) },
      { p: lookupHintEn },
    ],
  }),
  smsVi: (p, env) => {
    const due = p.dueAt ? ` Hẹn trả: ${dateTimeShort(at(p.dueAt))}.` : '';
    return {
      slot: p.procedure,
      candidates: [
        (s) => `Gần Dân: Đã tiếp nhận hồ sơ ${p.code} (${s}).${due} Tra cứu: ${lookupUrl(env, p.code)}`,
        (s) => `Gần Dân: Đã tiếp nhận hồ sơ ${p.code} (${s}).${due} Tra cứu: ${lookupPage(env)}`,
        () => `Gần Dân: Đã tiếp nhận hồ sơ ${p.code}.${due} Tra cứu: ${lookupPage(env)}`,
        () => `Đã tiếp nhận hồ sơ ${p.code}.${due}`,
      ],
    };
  },
  smsEn: (p, env) => {
    const due = p.dueAt ? ` Result due: ${dateTimeShort(at(p.dueAt))}.` : '';
    return {
      slot: p.procedure,
      candidates: [
        (s) => `Gan Dan: dossier ${p.code} received (${s}).${due} Track: ${lookupUrl(env, p.code)}`,
        (s) => `Gan Dan: dossier ${p.code} received (${s}).${due} Track: ${lookupPage(env)}`,
        () => `Gan Dan: dossier ${p.code} received.${due} Track: ${lookupPage(env)}`,
        () => `Dossier ${p.code} received.${due}`,
      ],
    };
  },
};

const supplementRequested: TemplateDef<TemplateParams<'dossier.supplement_requested'>> = {
  vi: (p, env) => ({
    subject: `Yêu cầu bổ sung, hoàn thiện hồ sơ ${p.code}`,
    greeting: greetVi(p.applicantName),
    blocks: [
      { p: `Hồ sơ ${p.code} (thủ tục: ${p.procedure}) cần được bổ sung, hoàn thiện.` },
      ...(p.missing ? [{ p: 'Vui lòng bổ sung đầy đủ các giấy tờ sau:' }, { list: p.missing }] : []),
      ...(p.reason ? [{ facts: [['Nội dung cần bổ sung', p.reason]] as [string, string][] }] : []),
      ...(p.deadline ? [{ facts: [['Hạn bổ sung', dateTimeVi(at(p.deadline))]] as [string, string][] }] : []),
      { p: `Nơi nộp bổ sung: ${deskVi(p.unitName)}. Thời hạn giải quyết được tính lại từ khi hồ sơ được bổ sung đầy đủ.` },
      { link: 'Tra cứu tình trạng hồ sơ', url: lookupUrl(env, p.code) },
    ],
  }),
  en: (p, env) => ({
    subject: `Please complete dossier ${p.code}`,
    greeting: greetEn(p.applicantName),
    blocks: [
      { p: `Dossier ${p.code} (procedure: ${p.procedure}) needs more documents.` },
      ...(p.missing ? [{ p: 'Please provide all of the following:' }, { list: p.missing }] : []),
      ...(p.reason ? [{ facts: [['What is needed', p.reason]] as [string, string][] }] : []),
      ...(p.deadline ? [{ facts: [['Deadline', dateTimeEn(at(p.deadline))]] as [string, string][] }] : []),
      { p: `Where to bring them: ${deskEn(p.unitName)}. The processing time counts again from when the dossier is complete.` },
      { link: 'Track your dossier', url: lookupUrl(env, p.code) },
    ],
  }),
  smsVi: (p, env) => {
    const deadline = p.deadline ? ` Hạn: ${dateTimeShort(at(p.deadline))}.` : '';
    return {
      slot: p.missing ? p.missing.join('; ') : p.reason!,
      candidates: [
        (s) => `Gần Dân: Hồ sơ ${p.code} cần bổ sung: ${s}.${deadline} Chi tiết: ${lookupUrl(env, p.code)}`,
        (s) => `Gần Dân: Hồ sơ ${p.code} cần bổ sung: ${s}.${deadline} Chi tiết: ${lookupPage(env)}`,
        () => `Gần Dân: Hồ sơ ${p.code} cần bổ sung giấy tờ.${deadline} Chi tiết: ${lookupPage(env)}`,
        () => `Hồ sơ ${p.code} cần bổ sung giấy tờ.${deadline}`,
      ],
    };
  },
  smsEn: (p, env) => {
    const deadline = p.deadline ? ` Deadline: ${dateTimeShort(at(p.deadline))}.` : '';
    return {
      slot: p.missing ? p.missing.join('; ') : p.reason!,
      candidates: [
        (s) => `Gan Dan: dossier ${p.code} needs: ${s}.${deadline} Details: ${lookupUrl(env, p.code)}`,
        (s) => `Gan Dan: dossier ${p.code} needs: ${s}.${deadline} Details: ${lookupPage(env)}`,
        () => `Gan Dan: dossier ${p.code} needs more documents.${deadline} Details: ${lookupPage(env)}`,
        () => `Dossier ${p.code} needs more documents.${deadline}`,
      ],
    };
  },
};

const newAppointment: TemplateDef<TemplateParams<'dossier.new_appointment'>> = {
  vi: (p, env) => {
    const apology = p.cause !== 'supplement_completed';
    const previous = p.previousDueAt ? ` (hẹn ${dateTimeVi(at(p.previousDueAt))})` : '';
    return {
      subject: apology ? `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${p.code}` : `Ngày hẹn trả kết quả mới của hồ sơ ${p.code}`,
      greeting: greetVi(p.applicantName),
      blocks: [
        apology
          ? { p: `${deskVi(p.unitName)} thành thật xin lỗi Ông/Bà vì hồ sơ ${p.code} (thủ tục: ${p.procedure}) chưa thể trả kết quả đúng hẹn${previous}.` }
          : { p: `Hồ sơ ${p.code} (thủ tục: ${p.procedure}) đã được bổ sung đầy đủ; thời hạn giải quyết được tính lại.` },
        ...(p.reason ? [{ facts: [['Lý do', p.reason]] as [string, string][] }] : []),
        { facts: [['Ngày hẹn trả kết quả mới', dateTimeVi(at(p.newDueAt))]] },
        ...(apology ? [{ p: 'Mong Ông/Bà thông cảm.' }] : []),
        { link: 'Tra cứu tình trạng hồ sơ', url: lookupUrl(env, p.code) },
      ],
    };
  },
  en: (p, env) => {
    const apology = p.cause !== 'supplement_completed';
    const previous = p.previousDueAt ? ` (due ${dateTimeEn(at(p.previousDueAt))})` : '';
    return {
      subject: apology ? `Apology and new appointment for dossier ${p.code}` : `New result date for dossier ${p.code}`,
      greeting: greetEn(p.applicantName),
      blocks: [
        apology
          ? { p: `${deskEn(p.unitName)} sincerely apologises: the result of dossier ${p.code} (procedure: ${p.procedure}) cannot be ready on the promised date${previous}.` }
          : { p: `Dossier ${p.code} (procedure: ${p.procedure}) is now complete; the processing time has started again.` },
        ...(p.reason ? [{ facts: [['Reason', p.reason]] as [string, string][] }] : []),
        { facts: [['New result date', dateTimeEn(at(p.newDueAt))]] },
        ...(apology ? [{ p: 'Thank you for your understanding.' }] : []),
        { link: 'Track your dossier', url: lookupUrl(env, p.code) },
      ],
    };
  },
  smsVi: (p, env) => {
    const lead = p.cause === 'supplement_completed' ? 'Gần Dân: Hồ sơ' : 'Gần Dân xin lỗi: hồ sơ';
    const due = dateTimeShort(at(p.newDueAt));
    return {
      slot: p.procedure,
      candidates: [
        (s) => `${lead} ${p.code} (${s}) có ngày hẹn trả kết quả mới: ${due}. Tra cứu: ${lookupUrl(env, p.code)}`,
        (s) => `${lead} ${p.code} (${s}) có ngày hẹn trả kết quả mới: ${due}. Tra cứu: ${lookupPage(env)}`,
        () => `${lead} ${p.code} có ngày hẹn trả kết quả mới: ${due}. Tra cứu: ${lookupPage(env)}`,
        () => `Hồ sơ ${p.code}: hẹn trả kết quả mới ${due}.`,
      ],
    };
  },
  smsEn: (p, env) => {
    const lead = p.cause === 'supplement_completed' ? 'Gan Dan:' : 'Gan Dan apologises:';
    const due = dateTimeShort(at(p.newDueAt));
    return {
      slot: p.procedure,
      candidates: [
        (s) => `${lead} new result date for dossier ${p.code} (${s}): ${due}. Track: ${lookupUrl(env, p.code)}`,
        (s) => `${lead} new result date for dossier ${p.code} (${s}): ${due}. Track: ${lookupPage(env)}`,
        () => `${lead} new result date for dossier ${p.code}: ${due}. Track: ${lookupPage(env)}`,
        () => `Dossier ${p.code}: new result date ${due}.`,
      ],
    };
  },
};

const resultReady: TemplateDef<TemplateParams<'dossier.result_ready'>> = {
  vi: (p, env) => ({
    subject: `Hồ sơ ${p.code} đã có kết quả`,
    greeting: greetVi(p.applicantName),
    blocks: [
      { p: `Hồ sơ ${p.code} (thủ tục: ${p.procedure}) đã có kết quả.` },
      ...(p.downloadUrl ? [{ link: 'Tải kết quả', url: p.downloadUrl }] : []),
      ...(p.downloadUrl && !p.pickupPlace ? [] : [
        { facts: [['Nơi nhận kết quả', p.pickupPlace ?? deskVi(p.unitName)]] as [string, string][] },
        { p: 'Khi đến nhận, vui lòng mang theo giấy tiếp nhận hồ sơ và giấy tờ tùy thân.' },
      ]),
      { link: 'Tra cứu tình trạng hồ sơ', url: lookupUrl(env, p.code) },
    ],
  }),
  en: (p, env) => ({
    subject: `The result of dossier ${p.code} is ready`,
    greeting: greetEn(p.applicantName),
    blocks: [
      { p: `The result of dossier ${p.code} (procedure: ${p.procedure}) is ready.` },
      ...(p.downloadUrl ? [{ link: 'Download the result', url: p.downloadUrl }] : []),
      ...(p.downloadUrl && !p.pickupPlace ? [] : [
        { facts: [['Where to collect it', p.pickupPlace ?? deskEn(p.unitName)]] as [string, string][] },
        { p: 'Please bring your receipt and an identity document.' },
      ]),
      { link: 'Track your dossier', url: lookupUrl(env, p.code) },
    ],
  }),
  smsVi: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gần Dân: Hồ sơ ${p.code} (${s}) đã có kết quả. Chi tiết: ${lookupUrl(env, p.code)}`,
      (s) => `Gần Dân: Hồ sơ ${p.code} (${s}) đã có kết quả. Chi tiết: ${lookupPage(env)}`,
      () => `Gần Dân: Hồ sơ ${p.code} đã có kết quả. Chi tiết: ${lookupPage(env)}`,
      () => `Hồ sơ ${p.code} đã có kết quả.`,
    ],
  }),
  smsEn: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gan Dan: the result of dossier ${p.code} (${s}) is ready. Details: ${lookupUrl(env, p.code)}`,
      (s) => `Gan Dan: the result of dossier ${p.code} (${s}) is ready. Details: ${lookupPage(env)}`,
      () => `Gan Dan: the result of dossier ${p.code} is ready. Details: ${lookupPage(env)}`,
      () => `Result of dossier ${p.code} is ready.`,
    ],
  }),
};

const returned: TemplateDef<TemplateParams<'dossier.returned'>> = {
  vi: (p, env) => ({
    subject: `Đã trả kết quả hồ sơ ${p.code}`,
    greeting: greetVi(p.applicantName),
    blocks: [
      { p: `Hồ sơ ${p.code} (thủ tục: ${p.procedure}) đã được trả kết quả ngày ${dateVi(at(p.returnedAt))}. Cảm ơn Ông/Bà đã sử dụng dịch vụ.` },
      { p: 'Mời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ này:' },
      { link: 'Đánh giá', url: lookupUrl(env, p.code) },
    ],
  }),
  en: (p, env) => ({
    subject: `Result of dossier ${p.code} returned`,
    greeting: greetEn(p.applicantName),
    blocks: [
      { p: `The result of dossier ${p.code} (procedure: ${p.procedure}) was handed over on ${dateEn(at(p.returnedAt))}. Thank you for using our service.` },
      { p: 'Please tell us how satisfied you are with how this dossier was handled:' },
      { link: 'Rate the service', url: lookupUrl(env, p.code) },
    ],
  }),
  smsVi: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gần Dân: Hồ sơ ${p.code} (${s}) đã trả kết quả. Mời đánh giá mức độ hài lòng: ${lookupUrl(env, p.code)}`,
      (s) => `Gần Dân: Hồ sơ ${p.code} (${s}) đã trả kết quả. Mời đánh giá: ${lookupPage(env)}`,
      () => `Gần Dân: Hồ sơ ${p.code} đã trả kết quả. Mời đánh giá: ${lookupPage(env)}`,
      () => `Hồ sơ ${p.code} đã trả kết quả.`,
    ],
  }),
  smsEn: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gan Dan: result of dossier ${p.code} (${s}) returned. Please rate us: ${lookupUrl(env, p.code)}`,
      (s) => `Gan Dan: result of dossier ${p.code} (${s}) returned. Please rate us: ${lookupPage(env)}`,
      () => `Gan Dan: result of dossier ${p.code} returned. Please rate us: ${lookupPage(env)}`,
      () => `Result of dossier ${p.code} returned.`,
    ],
  }),
};

const questionUrl = (p: TemplateParams<'question.answered'>, env: Env) =>
  p.url ?? `${env.publicUrl}/hoi-dap/cau-hoi/${encodeURIComponent(p.reference)}`;

const submittedOnline: TemplateDef<TemplateParams<'dossier.submitted_online'>> = {
  vi: (p, env) => ({
    subject: `Đã nhận hồ sơ nộp trực tuyến ${p.reference}`,
    greeting: greetVi(p.applicantName),
    blocks: [
      { p: `${deskVi(p.unitName)} đã nhận hồ sơ Ông/Bà nộp trực tuyến và sẽ kiểm tra trong thời gian sớm nhất. Khi hồ sơ được tiếp nhận, Ông/Bà sẽ nhận mã hồ sơ và ngày hẹn trả kết quả.` },
      { facts: [
        ['Mã tham chiếu', p.reference],
        ['Thủ tục', p.procedure],
        ['Thời điểm nộp', dateTimeVi(at(p.submittedAt))],
        ...(p.secret ? [['Mã bí mật tra cứu', p.secret] as [string, string]] : []),
      ] },
      { link: 'Tra cứu tình trạng hồ sơ', url: lookupUrl(env, p.reference) },
    ],
  }),
  en: (p, env) => ({
    subject: `Online submission ${p.reference} received`,
    greeting: greetEn(p.applicantName),
    blocks: [
      { p: `${deskEn(p.unitName)} has received your online submission and will check it soon. When it is accepted you will get the dossier code and the date the result is due.` },
      { facts: [
        ['Reference', p.reference],
        ['Procedure', p.procedure],
        ['Submitted', dateTimeEn(at(p.submittedAt))],
        ...(p.secret ? [['Lookup secret', p.secret] as [string, string]] : []),
      ] },
      { link: 'Track your submission', url: lookupUrl(env, p.reference) },
    ],
  }),
  smsVi: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gần Dân: Đã nhận hồ sơ nộp trực tuyến ${p.reference} (${s}). Tra cứu: ${lookupPage(env)}`,
      () => `Gần Dân: Đã nhận hồ sơ nộp trực tuyến ${p.reference}. Tra cứu: ${lookupPage(env)}`,
      () => `Đã nhận hồ sơ trực tuyến ${p.reference}.`,
    ],
  }),
  smsEn: (p, env) => ({
    slot: p.procedure,
    candidates: [
      (s) => `Gan Dan: online submission ${p.reference} received (${s}). Track: ${lookupPage(env)}`,
      () => `Gan Dan: online submission ${p.reference} received. Track: ${lookupPage(env)}`,
      () => `Online submission ${p.reference} received.`,
    ],
  }),
};

const questionAnswered: TemplateDef<TemplateParams<'question.answered'>> = {
  vi: (p, env) => ({
    subject: `Câu hỏi ${p.reference} đã được trả lời`,
    greeting: greetVi(p.askerName),
    blocks: [
      { p: `Câu hỏi “${p.title}” (mã ${p.reference}) của Ông/Bà đã được ${p.unitName ?? 'cơ quan có thẩm quyền'} trả lời.` },
      ...(p.answerExcerpt ? [{ facts: [['Trích nội dung trả lời', p.answerExcerpt]] as [string, string][] }] : []),
      { link: 'Xem câu trả lời', url: questionUrl(p, env) },
    ],
  }),
  en: (p, env) => ({
    subject: `Question ${p.reference} answered`,
    greeting: greetEn(p.askerName),
    blocks: [
      { p: `Your question “${p.title}” (reference ${p.reference}) has been answered by ${p.unitName ?? 'the responsible authority'}.` },
      ...(p.answerExcerpt ? [{ facts: [['From the answer', p.answerExcerpt]] as [string, string][] }] : []),
      { link: 'Read the answer', url: questionUrl(p, env) },
    ],
  }),
  smsVi: (p, env) => ({
    slot: p.title,
    candidates: [
      (s) => `Gần Dân: Câu hỏi "${s}" của Ông/Bà đã được trả lời. Xem tại: ${questionUrl(p, env)}`,
      () => `Gần Dân: Câu hỏi ${p.reference} của Ông/Bà đã được trả lời. Xem tại: ${questionUrl(p, env)}`,
      () => `Gần Dân: Câu hỏi ${p.reference} của Ông/Bà đã được trả lời.`,
    ],
  }),
  smsEn: (p, env) => ({
    slot: p.title,
    candidates: [
      (s) => `Gan Dan: your question "${s}" has been answered. Read it: ${questionUrl(p, env)}`,
      () => `Gan Dan: your question ${p.reference} has been answered. Read it: ${questionUrl(p, env)}`,
      () => `Gan Dan: your question ${p.reference} has been answered.`,
    ],
  }),
};

const definitions: { [T in TemplateName]: TemplateDef<TemplateParams<T>> } = {
  'dossier.received': received,
  'dossier.supplement_requested': supplementRequested,
  'dossier.new_appointment': newAppointment,
  'dossier.result_ready': resultReady,
  'dossier.returned': returned,
  'dossier.submitted_online': submittedOnline,
  'question.answered': questionAnswered,
};

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
  /** ≤ 160 characters, GSM 7-bit safe: what an SMS gateway should send by default. */
  smsAscii: string;
  /** ≤ 160 characters with Vietnamese diacritics, for gateways that send Unicode (UCS-2) messages. */
  smsUnicode: string;
}

const footer = {
  vi: 'Đây là thư tự động từ hệ thống Gần Dân, vui lòng không trả lời thư này.',
  en: 'This is an automatic message from Gần Dân; please do not reply to it.',
};
const otherLanguageHeading = { vi: 'Bản tiếng Việt', en: 'English version' };

/** Renders a template; throws when the params do not match the template (check with templateParamErrors). */
export function renderNotification<T extends TemplateName>(
  template: T, params: TemplateParams<T>, options: { locale: Locale; publicUrl: string },
): RenderedNotification {
  const errors = templateParamErrors(template, params);
  if (errors.length) throw new Error(`invalid params for ${template}: ${errors.join('; ')}`);
  const def = definitions[template] as TemplateDef<TemplateParams<T>>;
  const env: Env = { publicUrl: options.publicUrl.replace(/\/$/, '') };
  const order: Locale[] = options.locale === 'en' ? ['en', 'vi'] : ['vi', 'en'];
  const sections = order.map((lang) => ({ lang, section: normalize(def[lang](params, env)) }));
  const sms = options.locale === 'en' ? def.smsEn(params, env) : def.smsVi(params, env);
  return {
    subject: sections.map((s) => s.section.subject).join(' / '),
    text: sections.map((s, i) => (i ? `———— ${otherLanguageHeading[s.lang]} ————\n\n` : '') + sectionText(s.section, footer[s.lang])).join('\n\n'),
    html: pageHtml(order[0], sections[0].section.subject, sections.map((s) => sectionHtml(s.lang, s.section, footer[s.lang]))),
    smsAscii: fitSms(sms.candidates, sms.slot, smsAscii),
    smsUnicode: fitSms(sms.candidates, sms.slot, smsUnicode),
  };
}

/** Every stored and sent text is NFC (input may come decomposed from some keyboards). */
function normalize(section: Section): Section {
  const n = (s: string) => s.normalize('NFC');
  return {
    subject: n(section.subject),
    greeting: n(section.greeting),
    blocks: section.blocks.map((b): Block => {
      if ('p' in b) return { p: n(b.p) };
      if ('facts' in b) return { facts: b.facts.map(([l, v]) => [n(l), n(v)]) };
      if ('list' in b) return { list: b.list.map(n) };
      return { link: n(b.link), url: b.url };
    }),
  };
}

function sectionText(section: Section, foot: string): string {
  const parts = [section.greeting];
  for (const b of section.blocks) {
    if ('p' in b) parts.push(b.p);
    else if ('facts' in b) parts.push(b.facts.map(([l, v]) => `${l}: ${v}`).join('\n'));
    else if ('list' in b) parts.push(b.list.map((item) => `  - ${item}`).join('\n'));
    else parts.push(`${b.link}: ${b.url}`);
  }
  parts.push(foot);
  return parts.join('\n\n');
}

function sectionHtml(lang: Locale, section: Section, foot: string): string {
  const parts = [`<p>${escapeHtml(section.greeting)}</p>`];
  for (const b of section.blocks) {
    if ('p' in b) parts.push(`<p>${escapeHtml(b.p)}</p>`);
    else if ('facts' in b) parts.push(`<p>${b.facts.map(([l, v]) => `<strong>${escapeHtml(l)}:</strong> ${escapeHtml(v)}`).join('<br>')}</p>`);
    else if ('list' in b) parts.push(`<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    else parts.push(`<p>${escapeHtml(b.link)}: <a href="${escapeHtml(b.url)}">${escapeHtml(b.url)}</a></p>`);
  }
  parts.push(`<p style="color:#555;font-size:90%">${escapeHtml(foot)}</p>`);
  return `<div lang="${lang}">\n${parts.join('\n')}\n</div>`;
}

function pageHtml(lang: Locale, title: string, sections: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1b1b1b;max-width:640px">',
    sections.join('\n<hr>\n'),
    '</body></html>',
  ].join('\n');
}
