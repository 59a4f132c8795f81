// Types of scripts/entries.mjs (plain JavaScript: it runs before anything is compiled).
export const ENTRIES: Record<string, string>;
export const DIST: string;
export const NEXT_FINGERPRINT: string;
export function entriesFingerprint(root?: string): string;
export function nextFingerprint(root?: string): string;
export function areEntriesCurrent(root?: string): boolean;
export function isNextCurrent(root?: string): boolean;
export function recordNext(value: string, root?: string): void;
