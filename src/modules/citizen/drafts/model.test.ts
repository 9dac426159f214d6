import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { submitProblems, uploadableDocuments, type CaseDocument, type DraftData } from './model.ts';

const documents: CaseDocument[] = [
  { name: 'Tờ khai đăng ký khai sinh', required: true, presentOnly: false, copyType: 'original', count: 1 },
  { name: 'Giấy chứng sinh', required: true, presentOnly: false, copyType: 'original', count: 1 },
  { name: 'Văn bản ủy quyền (khi ủy quyền)', required: false, presentOnly: false, copyType: 'original', count: 1 },
  { name: 'Giấy tờ tùy thân', required: true, presentOnly: true, copyType: 'original', count: 1 },
];

const complete: DraftData = {
  unitId: 'u1',
  applicant: { kind: 'person', fullName: 'Nguyễn Văn An', idNumber: '027090001234', birthYear: 1990 },
  contact: { phone: '0912 345 678', email: 'an@example.vn' },
  documents: [{ name: 'Tờ khai đăng ký khai sinh', fileId: 'f1' }, { name: 'Giấy chứng sinh', fileId: 'f2' }],
};

describe('online submission answers', () => {
  test('papers shown at the desk are not uploaded', () => {
    assert.deepEqual(uploadableDocuments(documents).map((d) => d.name), documents.slice(0, 3).map((d) => d.name));
  });

  test('complete answers have no problems', () => {
    assert.deepEqual(submitProblems(complete, { documents, caseMissing: false, draftFiles: new Set(['f1', 'f2']) }), []);
  });

  test('every problem is reported at once, by field', () => {
    const problems = submitProblems({ applicant: { kind: 'person', idNumber: '12345' }, contact: { phone: '12', email: 'x@' } }, {
      documents, caseMissing: true, draftFiles: new Set(),
    });
    assert.deepEqual(problems.map((p) => p.field), ['unitId', 'caseKey', 'applicant.fullName', 'applicant.idNumber', 'contact.phone', 'contact.email', 'documents.0', 'documents.1']);
    assert.match(problems.find((p) => p.field === 'documents.1')!.messageVi, /Tải lên “Giấy chứng sinh”/);
  });

  test('a birth year that the ID number contradicts is caught', () => {
    const problems = submitProblems({ ...complete, applicant: { ...complete.applicant, birthYear: 1991 } }, { documents, caseMissing: false, draftFiles: new Set(['f1', 'f2']) });
    assert.equal(problems[0].field, 'applicant.idNumber');
  });

  test('a file the draft does not hold must be uploaded again', () => {
    const problems = submitProblems(complete, { documents, caseMissing: false, draftFiles: new Set(['f1']) });
    assert.deepEqual(problems.map((p) => p.field), ['documents.1']);
  });

  test('an organisation needs its name but no citizen ID', () => {
    const problems = submitProblems({ ...complete, applicant: { kind: 'organisation', fullName: 'Công ty TNHH Bồng Lai' } }, { documents, caseMissing: false, draftFiles: new Set(['f1', 'f2']) });
    assert.deepEqual(problems, []);
  });
});
