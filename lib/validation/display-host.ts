// Browser-safe: the UI shows a webhook's stored URL (ASCII, punycode host) and, beside it, the
// Unicode form of an IDN host, so "xn--bcher-kva.example" is recognisable as "bücher.example".
// The ASCII form stays the one shown first: it is what is stored and contacted. node:url's
// domainToUnicode is server-only, and no punycode package is installed, so this is RFC 3492's
// decoder (section 6.2), small enough to keep here rather than add a dependency.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, numPoints: number, isFirstTime: boolean): number {
  let d = isFirstTime ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / numPoints);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** a-z (either case) are 0-25, 0-9 are 26-35; anything else is not a digit. */
function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return -1;
}

/** RFC 3492 decode of one label without its "xn--" prefix ("bcher-kva" → "bücher"); null when malformed. */
export function decodePunycode(input: string): string | null {
  const delimiter = input.lastIndexOf("-");
  const output: number[] = [];
  for (let j = 0; j < delimiter; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit < 0 || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

// A label shown in Unicode must be worth showing: not ASCII in disguise ("xn--abc-" decodes to
// "abc", which the URL parser accepts) and free of invisible or direction-changing characters.
const UNDISPLAYABLE = /[\s\p{Cc}\p{Cf}]/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** The Unicode form of a URL's host when it has a punycode label ("bücher.example"), else null. */
export function unicodeHostOf(url: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null;
  }
  const labels = hostname.split(".");
  if (!labels.some((label) => label.startsWith("xn--"))) return null;
  const decoded: string[] = [];
  for (const label of labels) {
    if (!label.startsWith("xn--")) decoded.push(label);
    else {
      const unicode = decodePunycode(label.slice(4));
      if (!unicode || ASCII_ONLY.test(unicode) || UNDISPLAYABLE.test(unicode)) return null;
      decoded.push(unicode);
    }
  }
  return decoded.join(".");
}
