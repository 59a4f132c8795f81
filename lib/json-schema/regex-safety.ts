import ret, { types } from "ret";

// Whether a schema's regular expression (`pattern`, `patternProperties`) is safe to run on payloads
// with JavaScript's backtracking engine. Exponential time comes from a repetition of variable length
// inside another one, (a+)+ or (x*)*y: refused. A repetition of fixed length ({4}) or an optional
// part (?) does not multiply the ways to match, so \d{4}-\d{2}(T\d{2})? is fine; nor does one
// repetition after another. Also refused: more than MAX_REPETITIONS repetitions in all, and what
// the parser cannot read (then nobody can say it is safe).

const MAX_REPETITIONS = 25;

type TNode = { type: number; min?: number; max?: number | null; value?: TNode | number; stack?: TNode[]; options?: TNode[][] };

/** Why a pattern is unsafe, or null when it is safe. */
export function unsafePatternReason(pattern: string): string | null {
  let root: TNode;
  try {
    root = ret(pattern) as unknown as TNode;
  } catch {
    return "cannot be checked for speed: write it without lookbehind or named groups";
  }
  let repetitions = 0;
  const walk = (node: TNode, height: number): string | null => {
    let h = height;
    if (node.type === types.REPETITION) {
      repetitions++;
      if (repetitions > MAX_REPETITIONS) return `has more than ${MAX_REPETITIONS} repetitions`;
      const max = node.max === null || node.max === undefined ? Number.POSITIVE_INFINITY : node.max;
      const isVariable = max > (node.min ?? 0) && max > 1;
      if (isVariable) h++;
      if (h > 1) return "could take exponential time to match: a repetition inside a repetition, such as (a+)+";
    }
    const children: TNode[] = [...(node.options ?? []).map((stack) => ({ type: -1, stack })), ...(node.stack ?? [])];
    if (typeof node.value === "object") children.push(node.value);
    for (const child of children) {
      const reason = walk(child, h);
      if (reason) return reason;
    }
    return null;
  };
  return walk(root, 0);
}
