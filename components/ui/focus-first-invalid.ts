// After a submit that failed, focus goes where the problem is: the first field marked invalid
// (aria-invalid, or a group marked data-invalid: its first control), else the form's alert.

const CONTROL = "input:not([type=hidden]), select, textarea, button";

/** Focuses the first invalid control (or alert) inside `root`; false when there is none. */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"], [role="alert"]');
  if (!target) return false;
  const control = target.matches(CONTROL) || target.getAttribute("role") === "alert" ? target : target.querySelector<HTMLElement>(CONTROL);
  (control ?? target).focus();
  return true;
}
