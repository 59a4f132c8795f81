// A table from 640 px up; below, each row stacks into a card whose cells carry their own labels
// (data-label="…" on the <td>), so every link and action is on screen without sideways scrolling.

export const STACKED = {
  table: "w-full text-left text-sm max-sm:block",
  thead: "border-b border-gray-200 text-xs text-gray-500 uppercase max-sm:hidden",
  tbody: "divide-y divide-gray-100 max-sm:block",
  row: "max-sm:block max-sm:px-4 max-sm:py-3",
  /** A cell; under 640 px its data-label is shown before it. */
  cell: "px-3 py-2.5 max-sm:flex max-sm:items-baseline max-sm:gap-2 max-sm:px-0 max-sm:py-0.5 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-gray-500 max-sm:before:content-[attr(data-label)]",
  /** A cell of actions: under 640 px it sits on its own line, unlabelled. */
  actions: "px-3 py-2.5 text-right max-sm:block max-sm:px-0 max-sm:pt-2 max-sm:text-left",
} as const;
