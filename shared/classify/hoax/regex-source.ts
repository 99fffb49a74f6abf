/**
 * Reading a regular-expression source as text: the words its matches can begin with, and the
 * group and alternation structure that needs. Only what the phrase matcher's gates ask of the
 * sources it is given (literals, non-capturing groups, `|`, `?`, lookarounds, classes skipped).
 */

/**
 * The words a pattern's matches can begin with (`(?:info|kabar)\s+…` → `info`, `kabar`;
 * `(?<!ini\s)faktanya` → `faktanya`), `whole` when a space, a comma or the end follows, so that the word
 * is all of the text's first word; or undefined when the pattern opens with anything else (a
 * class, a quantified group, an escape).
 */
export function firstWordsOf(pattern: string): { word: string; whole: boolean }[] | undefined {
  const words: { word: string; whole: boolean }[] = [];
  for (const branch of splitTopLevel(pattern, '|')) {
    const rest = skipLookarounds(branch);
    let heads: string[] | undefined;
    let after: string;
    if (rest.startsWith('(?:')) {
      const close = closingParen(rest);
      heads = languageOf(rest.slice(3, close));
      after = rest.slice(close + 1);
      if (/^[?*{]/.test(after)) return undefined;
    } else {
      const literal = /^[a-z0-9 ]*/.exec(rest)?.[0] ?? '';
      after = rest.slice(literal.length);
      // A quantifier makes the literal's last letter optional.
      heads = [/^[?*{]/.test(after) ? literal.slice(0, -1) : literal];
      if (/^[?*{]/.test(after)) after = 'x';
    }
    if (!heads) return undefined;
    const spaceAfter = opensWithNonWord(after);
    for (const head of heads) {
      const space = head.indexOf(' ');
      words.push(space >= 0 ? { word: head.slice(0, space), whole: true } : { word: head, whole: spaceAfter });
    }
  }
  return words;
}

const skipLookarounds = (source: string): string => {
  let rest = source;
  while (/^\(\?<?[=!]/.test(rest)) rest = rest.slice(closingParen(rest) + 1);
  return rest;
};

/**
 * Whether what a regex source matches opens with a character that is not a word character
 * (`\s`, a space, a comma), or is empty (the list's closing `\b` follows): then the word
 * before it is whole.
 */
function opensWithNonWord(source: string): boolean {
  const rest = skipLookarounds(source);
  if (rest === '') return true;
  let atom: boolean;
  let after: string;
  if (rest.startsWith('(?:')) {
    const close = closingParen(rest);
    atom = splitTopLevel(rest.slice(3, close), '|').every((b) => b !== '' && opensWithNonWord(b));
    after = rest.slice(close + 1);
  } else {
    const single = /^(?:\\[sW]|[ ,])/.exec(rest);
    if (!single) return false;
    atom = true;
    after = rest.slice(single[0].length);
  }
  const optional = /^(?:[?*]|\{0,?\d*\})\??/.exec(after);
  if (!optional) return atom;
  // An optional piece: what follows it must open so too.
  return atom && opensWithNonWord(after.slice(optional[0].length));
}

/** The strings a group of literals, nested groups, `|` and `?` matches (`k(?:irim(?:kan)?|asih)`), or undefined. */
export function languageOf(source: string): string[] | undefined {
  const out: string[] = [];
  for (const branch of splitTopLevel(source, '|')) {
    let strings = [''];
    for (let i = 0; i < branch.length;) {
      const c = branch.charAt(i);
      if (branch.startsWith('(?:', i)) {
        const close = i + closingParen(branch.slice(i));
        const inner = languageOf(branch.slice(i + 3, close));
        if (!inner) return undefined;
        const optional = branch.charAt(close + 1) === '?';
        const options = optional ? [...inner, ''] : inner;
        strings = strings.flatMap((s) => options.map((o) => s + o));
        i = close + (optional ? 2 : 1);
      } else if (/[a-z0-9 ]/.test(c) && !/[?*+{]/.test(branch.charAt(i + 1))) {
        strings = strings.map((s) => s + c);
        i++;
      } else return undefined;
    }
    out.push(...strings);
  }
  return out;
}

/**
 * Visits the characters of a regex source outside escapes and classes, with the group depth
 * after each (so a `(` is seen at its group's depth, a `)` at the depth outside it), until
 * `stop` says so: returns where it stopped, or the source's length.
 */
function walk(source: string, stop: (c: string, depth: number, i: number) => boolean): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') i++;
    else if (c === '[') i = source.indexOf(']', i + 1);
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (stop(c, depth, i)) return i;
    }
  }
  return source.length;
}

/** Splits a regex source at top-level separators (outside groups and classes). */
export function splitTopLevel(source: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  walk(source, (c, depth, i) => {
    if (c === separator && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
    return false;
  });
  parts.push(source.slice(start));
  return parts;
}

/** The index of the parenthesis closing the group that opens `source`. */
export function closingParen(source: string): number {
  return walk(source, (c, depth) => c === ')' && depth === 0);
}
