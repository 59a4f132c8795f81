import type { ReactNode } from "react";

export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    // tabIndex -1: a form may move focus here after a failed submit (focusFirstInvalid).
    <div role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800">
      {children}
    </div>
  );
}
