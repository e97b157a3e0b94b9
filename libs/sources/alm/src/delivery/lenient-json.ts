/**
 * The tolerant half of "strict JSON first, then a lenient pass". ALM's documented samples carry trailing
 * commas (`"enrollmentSource": "SELF_ENROLL",\n}`); nothing else in them breaks JSON, so the lenient pass
 * repairs exactly that and nothing more. Both helpers walk the text once, tracking string literals, so a
 * comma or bracket inside a string value is never touched or counted.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Removes commas that are directly followed (after whitespace) by `}` or `]`, outside string literals. */
export function removeTrailingCommas(text: string): { text: string; removed: number } {
  let out = '';
  let removed = 0;
  let inString = false;
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++; // the escaped character cannot end the string
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
    } else if (ch === ',') {
      let next = i + 1;
      while (next < text.length && WHITESPACE.has(text[next])) next++;
      if (text[next] === '}' || text[next] === ']') {
        out += text.slice(copiedUpTo, i);
        copiedUpTo = i + 1;
        removed++;
      }
    }
  }
  out += text.slice(copiedUpTo);
  return { text: out, removed };
}

/**
 * The deepest nesting of objects and arrays, counted outside string literals. Checked before parsing so a
 * hostile `[[[[…` body is refused cheaply and nothing later has to recurse through it.
 */
export function maxNestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  // Char codes, not one-character strings: this runs over every delivery, twice (ingress and worker).
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === BACKSLASH) i++;
      else if (ch === QUOTE) inString = false;
    } else if (ch === QUOTE) {
      inString = true;
    } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      if (++depth > max) max = depth;
    } else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
      depth--;
    }
  }
  return max;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export type LenientParseResult =
  | { ok: true; value: unknown; lenient: boolean }
  | { ok: false; reason: 'not_json' | 'too_deep'; detail: string };

/** Strict `JSON.parse` first; only if that fails, once more after removing trailing commas. */
export function parseJsonLeniently(text: string, maxDepth: number): LenientParseResult {
  const depth = maxNestingDepth(text);
  if (depth > maxDepth) {
    return { ok: false, reason: 'too_deep', detail: `nesting depth ${depth} exceeds ${maxDepth}` };
  }
  try {
    return { ok: true, value: JSON.parse(text), lenient: false };
  } catch (strictError) {
    const repaired = removeTrailingCommas(text);
    if (repaired.removed > 0) {
      try {
        return { ok: true, value: JSON.parse(repaired.text), lenient: true };
      } catch {
        // fall through: report the strict parser's message, it points at the original text
      }
    }
    return { ok: false, reason: 'not_json', detail: (strictError as Error).message };
  }
}
