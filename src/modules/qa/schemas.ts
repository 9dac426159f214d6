import { Type } from 'typebox';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';

export const questionStatuses = ['open', 'answered', 'rejected'] as const;

export const QuestionSchema = Type.Object({
  id: Uuid, reference: Type.String(), unitId: Uuid, unitName: Type.String(), procedureCode: Nullable(Type.String()),
  askerName: Type.String(), askerEmail: Nullable(Type.String()), askerPhone: Nullable(Type.String()),
  title: Type.String(), body: Type.String(), askedAt: Type.String(), targetAnswerAt: Type.String(), overdue: Type.Boolean(),
  status: StringEnum(questionStatuses), answer: Nullable(Type.String()), answeredAt: Nullable(Type.String()), published: Type.Boolean(),
  faqQuestion: Nullable(Type.String()), faqAnswer: Nullable(Type.String()), publishedAt: Nullable(Type.String()), version: Type.Integer(),
  suggestedFaq: Type.Object({ question: Type.String(), answer: Type.String() }, { description: 'A first redaction of the asker’s personal data, for the public FAQ text' }),
}, { $id: 'Question' });

export const FaqEntrySchema = Type.Object({
  id: Uuid, question: Type.String(), answer: Type.String(), publishedAt: Type.String(), unitName: Type.String(), procedureCode: Nullable(Type.String()),
}, { $id: 'FaqEntry' });

export const VersionBody = { version: Type.Integer({ minimum: 1 }) };
