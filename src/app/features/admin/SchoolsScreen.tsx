import { useState } from 'preact/hooks';
import { AdminFrame } from './AdminFrame';
import { AdminList } from './AdminList';
import type { AdminCalls } from './adminCalls';
import { NewSchoolForm } from './NewSchoolForm';
import { SchoolRow } from './SchoolRow';
import { useAdminResource } from './useAdmin';
import type { FormNotice } from './useAdminForm';

const loadSchools = (calls: AdminCalls) => calls.schools();

/** The center's schools: add with the CDS code, rename, retire (a retired school keeps its records). */
export function SchoolsScreen() {
  const { list, act, round } = useAdminResource(loadSchools);
  const [notice, setNotice] = useState<FormNotice | null>(null);
  const change = async (run: (calls: AdminCalls) => Promise<unknown>): Promise<boolean> => {
    setNotice(null);
    const outcome = await act(run);
    if (!outcome.ok) setNotice({ kind: 'error', text: outcome.message });
    return outcome.ok;
  };
  return (
    <AdminFrame title="Schools" round={round}>
      <NewSchoolForm act={act} />
      <AdminList list={list} label="Schools" empty="No schools yet: add the first one above." notice={notice}>
        {(school) => (
          <SchoolRow
            key={school.id}
            school={school}
            onRename={(name) => change((calls) => calls.renameSchool(school.id, name))}
            onRetire={async () => {
              await change((calls) => calls.retireSchool(school.id));
            }}
          />
        )}
      </AdminList>
    </AdminFrame>
  );
}
