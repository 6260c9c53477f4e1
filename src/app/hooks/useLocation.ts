/** The current path, re-rendering on navigation. */
import { useEffect, useState } from 'preact/hooks';
import { useServices } from './context';
import type { Location } from '../router';

/** The router's current location. */
export function useLocation(): Location {
  const { router } = useServices();
  const [location, setLocation] = useState(router.current());
  useEffect(() => {
    // A navigation between the first render and this effect (a quick tap) would otherwise be missed.
    setLocation(router.current());
    return router.subscribe(setLocation);
  }, [router]);
  return location;
}

/** A function that goes to a path. */
export function useNavigate(): (path: string, options?: { replace?: boolean }) => void {
  return useServices().router.navigate;
}
