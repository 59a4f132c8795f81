"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { SearchInput } from "@/components/ui/search-input";
import type { TProject } from "@/lib/validation/project";

type Props = { projects: TProject[]; isAll: boolean; value: string[]; onChange: (isAll: boolean, ids: string[]) => void; error?: string };

/** "All projects" (the default) or a searchable multi-select of the host's projects. */
export function ProjectsPicker({ projects, isAll, value, onChange, error }: Props) {
  const [search, setSearch] = useState("");
  const id = useId();
  const q = search.trim().toLowerCase();
  const shown = projects.filter((p) => !q || p.name.toLowerCase().includes(q) || p.id.toLowerCase().includes(q));
  const selected = new Set(value);
  const toggle = (projectId: string, isOn: boolean) => {
    const next = new Set(value);
    isOn ? next.add(projectId) : next.delete(projectId);
    onChange(false, [...next]);
  };
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} data-invalid={error ? "true" : undefined}>
      <legend className="text-sm font-medium text-gray-900">Projects</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-mode`} checked={isAll} onChange={() => onChange(true, [])} />
          All projects
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-mode`} checked={!isAll} onChange={() => onChange(false, value)} disabled={projects.length === 0} />
          Only these projects
        </label>
        {projects.length === 0 ? (
          <span className="text-gray-500">
            (no projects yet: the host's events add them, or{" "}
            <Link href="/settings/catalog" className="text-brand-700 underline">
              add them now
            </Link>
            )
          </span>
        ) : null}
      </div>
      {!isAll ? (
        <div className="mt-3 rounded-lg ring-1 ring-gray-200">
          <div className="border-b border-gray-200 px-3 py-2">
            <SearchInput id={`${id}-search`} label="Search projects" value={search} onChange={setSearch} />
          </div>
          <ul className="max-h-56 overflow-y-auto px-3 py-2">
            {shown.map((p) => (
              <li key={p.id}>
                <label className="flex items-center gap-2 rounded px-1 py-1.5 text-sm hover:bg-gray-50">
                  <input
                    type="checkbox"
                    className="h-4 w-4 rounded border-gray-300"
                    checked={selected.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <span>{p.name}</span>
                  {p.name !== p.id ? <span className="font-mono text-xs text-gray-500">{p.id}</span> : null}
                </label>
              </li>
            ))}
            {shown.length === 0 ? <li className="py-3 text-center text-sm text-gray-500">No project matches.</li> : null}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
