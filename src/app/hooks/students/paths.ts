/** The students screens' paths, built in one place. */
const enc = encodeURIComponent;

/** The pages of a student's record, in the paper's order. */
export const RECORD_PAGES = [
  { slug: '', title: '1. Student' },
  { slug: 'record-information', title: '2. Record information' },
  { slug: 'enrollments', title: '3. Enrollments' },
] as const;

/** A record page's slug: '' is the first page. */
export type RecordPage = (typeof RECORD_PAGES)[number]['slug'];

export const STUDENT_PATHS = {
  students: () => '/students',
  requestList: () => '/students/ssid-requests',
  schoolReturn: () => '/students/school-return',
  approvals: () => '/students/approvals',
  student: (id: string, page: RecordPage = '') => (page === '' ? `/students/${enc(id)}` : `/students/${enc(id)}/${page}`),
  /** Public, no sign-in: a returning student re-enrolls. */
  reEnroll: () => '/re-enroll',
};
