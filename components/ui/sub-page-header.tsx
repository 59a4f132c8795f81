import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";

/** A page below a list: the way back, then the page's own header. */
export function SubPageHeader({ backHref, backLabel, title, description }: { backHref: string; backLabel: string; title: string; description: ReactNode }) {
  return (
    <>
      <Link href={backHref} className="text-sm text-brand-700 hover:underline">
        ← {backLabel}
      </Link>
      <div className="mt-2">
        <PageHeader title={title} description={description} />
      </div>
    </>
  );
}
