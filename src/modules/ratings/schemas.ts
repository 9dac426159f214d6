import { Type } from 'typebox';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schemas.ts';
import { satisfactionLevels } from './scale.ts';

const Level = StringEnum(satisfactionLevels);

export const RatingAnswersSchema = {
  attitude: Level,
  overall: Type.Optional(Nullable(Level)),
  contactsNeeded: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 50, description: 'How many times the applicant had to contact the office' }))),
  bodiesVisited: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 50, description: 'How many bodies the applicant had to go to' }))),
  infoCorrect: Type.Optional(Nullable(Type.Boolean({ description: 'Whether the published information about the procedure was right' }))),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const RatingSchema = Type.Object({
  dossierId: Uuid, code: Nullable(Type.String()), procedureName: Type.String(), unitId: Uuid, unitName: Type.String(),
  officialId: Nullable(Uuid), officialName: Nullable(Type.String()), ratedAt: Type.String(), channel: Type.String(),
  attitude: Level, overall: Nullable(Level), contactsNeeded: Nullable(Type.Integer()), bodiesVisited: Nullable(Type.Integer()),
  infoCorrect: Nullable(Type.Boolean()), comment: Nullable(Type.String()),
}, { $id: 'Rating' });

const Counts = Type.Object(Object.fromEntries(satisfactionLevels.map((l) => [l, Type.Integer()])));

export const SummarySchema = Type.Object({
  total: Type.Integer(), attitude: Counts, overall: Counts,
  attitudeSatisfiedPercent: Nullable(Type.Number()), overallSatisfiedPercent: Nullable(Type.Number()),
});
