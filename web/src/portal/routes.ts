// The citizen portal's pages. A module adds its page here; `nav` puts it in the header navigation.
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/vi.ts';
import { HomePage } from './HomePage.tsx';
import { LookupPage } from './LookupPage.tsx';
import { ProceduresPage } from './ProceduresPage.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { CitizenSignInPage } from './account/CitizenSignInPage.tsx';
import { RegisterPage } from './account/RegisterPage.tsx';
import { ProcedurePage } from './procedure/ProcedurePage.tsx';
import { AskPage } from './qa/AskPage.tsx';
import { FaqPage } from './qa/FaqPage.tsx';
import { QuestionStatusPage } from './qa/QuestionStatusPage.tsx';
import { RatePage } from './ratings/RatePage.tsx';
import { SubmissionStartPage } from './submission/SubmissionStartPage.tsx';
import { SubmissionStepPage } from './submission/SubmissionStepPage.tsx';
import './citizen.css';

export interface PortalRoute {
  path: string;
  component: ComponentType<{ params: Record<string, string> }>;
  nav?: MessageKey;
}

export const portalRoutes: PortalRoute[] = [
  { path: '/', component: HomePage },
  { path: '/thu-tuc', component: ProceduresPage, nav: 'nav.procedures' },
  { path: '/tra-cuu', component: LookupPage, nav: 'nav.lookup' },
  { path: '/thu-tuc/:code', component: ProcedurePage },
  { path: '/nop-truc-tuyen/:code', component: SubmissionStartPage },
  { path: '/nop-truc-tuyen/:code/:step', component: SubmissionStepPage },
  { path: '/hoi-dap', component: FaqPage, nav: 'nav.questions' },
  { path: '/hoi-dap/dat-cau-hoi', component: AskPage },
  { path: '/hoi-dap/cau-hoi', component: QuestionStatusPage },
  { path: '/hoi-dap/cau-hoi/:reference', component: QuestionStatusPage },
  { path: '/danh-gia', component: RatePage },
  { path: '/tai-khoan', component: AccountPage, nav: 'nav.account' },
  { path: '/tai-khoan/dang-nhap', component: CitizenSignInPage },
  { path: '/tai-khoan/dang-ky', component: RegisterPage },
];
