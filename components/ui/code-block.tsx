import type { HTMLAttributes } from "react";

/**
 * Code, a payload or headers in a box that may scroll. Focusable, so that a keyboard can reach it and
 * scroll it (WCAG 2.1.1; axe's scrollable-region-focusable): a mouse is not the only way to read the
 * end of a long body.
 */
export function CodeBlock(props: HTMLAttributes<HTMLPreElement> & { "data-testid"?: string }) {
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled by keyboard
  return <pre tabIndex={0} {...props} />;
}
