import { useEffect, useRef } from 'react';
import { ConsoleApp } from './console/ConsoleApp.tsx';
import { SkipLink } from './components/SkipLink.tsx';
import { PortalApp } from './portal/PortalApp.tsx';
import { KioskApp } from './portal/kiosk/KioskApp.tsx';
import { useLocation } from './router.tsx';

/** Two areas share one app: the staff console under /can-bo, the citizen portal everywhere else. */
export function App() {
  const { pathname } = useLocation();
  useFocusOnNavigation(pathname);
  const inConsole = pathname === '/can-bo' || pathname.startsWith('/can-bo/');
  return (
    <>
      <SkipLink />
      {inConsole ? <ConsoleApp /> : pathname.startsWith('/kiosk/') ? <KioskApp /> : <PortalApp />}
    </>
  );
}

/**
 * After moving to another page (not on first load, not when only the query changes), put focus on the new page's
 * heading so screen-reader users hear where they are and keyboard users start from the top.
 */
function useFocusOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // Wait a frame: the new page renders its heading in this same commit, but a summary may claim focus first.
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body && document.activeElement.closest('main')) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus();
    });
  }, [pathname]);
}
