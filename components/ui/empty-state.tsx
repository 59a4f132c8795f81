import type { ReactNode } from "react";

type Props = { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode };

export function EmptyState({ icon, title, children, action }: Props) {
  return (
    <div className="flex flex-col items-center rounded-xl border-2 border-dashed border-gray-200 bg-white px-6 py-14 text-center">
      <div className="flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-600" aria-hidden="true">
        {icon}
      </div>
      <h2 className="mt-4 text-base font-semibold text-gray-900">{title}</h2>
      <div className="mt-1.5 max-w-md text-sm text-gray-600">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
