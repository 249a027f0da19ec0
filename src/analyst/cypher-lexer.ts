import { badInput } from '../errors';

/**
 * A tokenizer that follows Cypher 5's own lexical rules (Neo4j's
 * Cypher5Lexer.g4), so that a screen of the tokens sees the statement the
 * server parses: the same whitespace (U+001C–U+001F and the Unicode spaces
 * included), `//` comments ended by a line feed OR a carriage return, `/* *\/`
 * comments that do not nest, strings in which a backslash escapes any
 * character, and backticked names in which "``" is a backtick.
 */
export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'symbol';

export interface Token {
  kind: TokenKind;
  /** Words as written; names without their backticks; strings without quotes (escapes kept); symbols as written. */
  text: string;
  /** Offset in the statement. */
  at: number;
}

/** Cypher 5's SPACE rule, exactly; anything else (U+0085, U+FEFF...) is not whitespace to the server. */
const SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f,
  0x3000,
]);

/**
 * Characters no analyst types but that can hide text from a reader: C0 and C1
 * controls that are not Cypher whitespace (the server takes them as part of a
 * name), soft hyphen, zero-width and direction marks, the byte-order mark.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000e-\u001b\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/u;

const WORD_START = /[\p{L}\p{Nl}_]/u;
const WORD_PART = /[\p{L}\p{Nl}\p{N}\p{M}\p{Pc}\p{Sc}_]/u;
const SYMBOLS = ['=~', '<=', '>=', '<>', '!=', '..', '::', '||', '+='];

export function isCypherSpace(ch: string): boolean {
  return SPACE.has(ch.codePointAt(0) ?? -1);
}

/**
 * Checks the raw text for what tokenizing alone cannot make safe, then splits
 * it into tokens. Throws BAD_INPUT for an unterminated string, name or comment.
 */
export function tokenize(text: string): Token[] {
  // Neo4j 5.26 decodes \uXXXX escapes before it tokenizes, anywhere in the
  // text (measured: `RETURN 'a\u0027 AS x, 1 AS y` returns two columns, as the
  // escape closes the string). A screen would have to decode them the same
  // way; refusing them is simpler and leaves nothing to interpretation.
  const escape = /\\u/.exec(text);
  if (escape) {
    throw badInput(
      `Unicode escapes (\\u...) are not accepted (at offset ${escape.index}): write the character itself or pass the text as a parameter`,
    );
  }
  const hidden = INVISIBLE.exec(text);
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw badInput(
      `Invisible or control character U+${code} at offset ${hidden.index} is not accepted; pass such text as a parameter`,
    );
  }
  return lex(text, true);
}

/**
 * Splits text into tokens. `strict` throws on an unterminated string, name or
 * comment; otherwise the rest of the text becomes that token (for the
 * server's plan details, which are not ours to reject).
 */
export function lex(text: string, strict = false): Token[] {
  const tokens: Token[] = [];
  const unterminated = (what: string, at: number) => {
    if (strict) throw badInput(`Unterminated ${what} starting at offset ${at}`);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (isCypherSpace(ch)) {
      i++;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) unterminated('comment', i);
      i = end === -1 ? text.length : end + 2;
    } else if (ch === "'" || ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== ch) i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) unterminated('string', start);
      tokens.push({
        kind: 'string',
        text: text.slice(start + 1, Math.min(i, text.length)),
        at: start,
      });
      i++;
    } else if (ch === '`') {
      const start = i++;
      let name = '';
      for (;;) {
        if (i >= text.length) {
          unterminated('backticked name', start);
          break;
        }
        if (text[i] === '`') {
          if (text[i + 1] !== '`') break;
          name += '`';
          i += 2;
        } else name += text[i++];
      }
      tokens.push({ kind: 'name', text: name, at: start });
      i++;
    } else if (WORD_START.test(ch)) {
      const start = i;
      while (i < text.length && WORD_PART.test(text[i]!)) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), at: start });
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9][0-9A-Za-z_]*(\.[0-9][0-9A-Za-z_]*)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else {
      const sym = SYMBOLS.find((s) => text.startsWith(s, i)) ?? ch;
      tokens.push({ kind: 'symbol', text: sym, at: i });
      i += sym.length;
    }
  }
  return tokens;
}
