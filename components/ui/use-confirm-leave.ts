"use client";

import { useEffect } from "react";

export const LEAVE_MESSAGE = "Leave this page? Your changes are not saved.";

/** Whether a click on `anchor` leaves this page for another page of the app. Exported for its unit test. */
export function isInAppNavigation(anchor: HTMLAnchorElement, here: Location | URL): boolean {
  if (anchor.target && anchor.target !== "_self") return false;
  if (anchor.hasAttribute("download")) return false;
  const url = new URL(anchor.href, here.href);
  return url.origin === here.origin && (url.pathname !== here.pathname || url.search !== here.search);
}

/**
 * While `isDirty`: closing or reloading the tab asks first (the browser's own prompt), and so does
 * following a link to another page of the app (Next's links navigate without unloading, so the
 * browser would not ask). The link's click is stopped before it reaches Next unless the admin agrees.
 */
export function useConfirmLeave(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers ask only when this is set
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || !isInAppNavigation(anchor, window.location)) return;
      if (window.confirm(LEAVE_MESSAGE)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [isDirty]);
}
