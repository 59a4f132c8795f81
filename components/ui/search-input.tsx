type Props = { id: string; label: string; value: string; onChange: (value: string) => void };

/** A labelled search field (label for screen readers; the placeholder says the same). */
export function SearchInput({ id, label, value, onChange }: Props) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-gray-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none"
      />
    </>
  );
}
