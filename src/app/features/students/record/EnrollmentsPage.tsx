import type { OnlineRecord } from './useStudentRecord';

const STATUS_WORDS = {
  submitted: 'Submitted, waiting for approval',
  pending_approval: 'Re-enrolled online, waiting for approval',
  needs_review: 'In center review (SSID conflict)',
  approved: 'Approved',
} as const;

/** Page 3, Enrollments: each program year, its status and whether the Parent Authorization Form is signed. */
export function EnrollmentsPage({ online }: { online: OnlineRecord }) {
  if (online.status === 'loading') return <p class="muted">Loading…</p>;
  if (online.status !== 'ready') return <p class="muted">The enrollments are kept on the server: they show when the tablet is online.</p>;
  const { enrollments } = online.record;
  if (enrollments.length === 0) return <p class="muted">No enrollments yet.</p>;
  return (
    <table class="records">
      <thead>
        <tr>
          <th scope="col">Program year</th>
          <th scope="col">Status</th>
          <th scope="col">Parent Authorization Form</th>
        </tr>
      </thead>
      <tbody>
        {enrollments.map((e) => (
          <tr key={e.id}>
            <th scope="row">{e.programYear}</th>
            <td>{STATUS_WORDS[e.status]}</td>
            <td>{e.pafStatus === 'signed' ? 'Signed' : 'Missing'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
