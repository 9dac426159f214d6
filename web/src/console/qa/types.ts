// Shapes of the staff Q&A, ratings and notifications API.
import type { SatisfactionLevel } from '../../portal/citizenTypes.ts';

export interface StaffQuestion {
  id: string;
  reference: string;
  unitId: string;
  unitName: string;
  procedureCode: string | null;
  askerName: string;
  askerEmail: string | null;
  askerPhone: string | null;
  title: string;
  body: string;
  askedAt: string;
  targetAnswerAt: string;
  overdue: boolean;
  status: 'open' | 'answered' | 'rejected';
  answer: string | null;
  answeredAt: string | null;
  published: boolean;
  faqQuestion: string | null;
  faqAnswer: string | null;
  publishedAt: string | null;
  version: number;
  suggestedFaq: { question: string; answer: string };
}

export interface QuestionCounts {
  open: number;
  overdue: number;
  answered: number;
  published: number;
}

export interface Rating {
  dossierId: string;
  code: string | null;
  procedureName: string;
  unitId: string;
  unitName: string;
  officialId: string | null;
  officialName: string | null;
  ratedAt: string;
  channel: string;
  attitude: SatisfactionLevel;
  overall: SatisfactionLevel | null;
  contactsNeeded: number | null;
  bodiesVisited: number | null;
  infoCorrect: boolean | null;
  comment: string | null;
}

export interface RatingSummary {
  total: number;
  attitude: Record<SatisfactionLevel, number>;
  overall: Record<SatisfactionLevel, number>;
  attitudeSatisfiedPercent: number | null;
  overallSatisfiedPercent: number | null;
}

export interface OutgoingNotification {
  id: number;
  topic: string;
  status: 'pending' | 'failed' | 'dead' | 'delivered';
  channel: 'email' | 'sms' | null;
  recipient: string | null;
  template: string | null;
  locale: string | null;
  unitId: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  outcome: 'sent' | 'not_sent' | null;
  note: string | null;
  inProgress: boolean;
  createdAt: string;
  availableAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
}
