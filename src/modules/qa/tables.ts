import type { ColumnType, Generated, Selectable } from 'kysely';

// Kysely types of the Q&A tables (migrations/0005_citizen.sql).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface QuestionsTable {
  id: Generated<string>;
  reference: string;
  unit_id: string;
  procedure_id: string | null;
  asker_name: string;
  asker_email: string | null;
  asker_phone: string | null;
  asker_user_id: string | null;
  asker_secret_hash: string;
  title: string;
  body: string;
  asked_at: Date;
  target_answer_at: Date;
  status: Generated<'open' | 'answered' | 'rejected'>;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  published: Generated<boolean>;
  faq_question: string | null;
  faq_answer: string | null;
  faq_folded: string | null;
  published_at: Date | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionCountersTable {
  day: string;
  last: number;
}

export interface QaTables {
  questions: QuestionsTable;
  question_counters: QuestionCountersTable;
}

export type QuestionRow = Selectable<QuestionsTable>;
