/** The center administrator's screens' paths, built in one place. */
export const ADMIN_PATHS = {
  accounts: () => '/center',
  schools: () => '/center/schools',
  tablets: () => '/center/tablets',
  progress: () => '/center/progress',
};
