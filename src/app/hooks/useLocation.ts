/** The current path, re-rendering on navigation. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from './context';
import type { Location } from '../router';

/** The router's current location. */
export function useLocation(): Location {
  const { router } = useServices();
  const [location, setLocation] = useState(router.current());
  useEffect(() => router.subscribe(setLocation), [router]);
  return location;
}

/** A function that goes to a path. */
export function useNavigate(): (path: string, options?: { replace?: boolean }) => void {
  return useServices().router.navigate;
}
