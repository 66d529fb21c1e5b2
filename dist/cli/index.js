import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u_: () => (/* binding */ USAGE),
  I$: () => (/* reexport */ exitCode),
  nn: () => (/* reexport */ formatFixes),
  iW: () => (/* binding */ main),
  ak: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: ./src/model/finding.ts
/** The one data model that flows from the rules to every reporter. */
const SEVERITIES = ['error', 'warning', 'notice'];
/** Higher is more severe. */
const finding_SEVERITY_RANK = { notice: 1, warning: 2, error: 3 };

;// CONCATENATED MODULE: ./src/yaml/position.ts
/** Offsets at which each line starts; index 0 is line 1. Exactly sized: the engine keeps one per file. */
function lineStarts(text) {
    // A UTF-8/UTF-16 byte-order mark is kept in the text (so --fix writes it back) but is not a column:
    // line 1 starts after it, as editors and GitHub count columns.
    const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let starts;
    if (text.indexOf('\r') < 0) {
        // The common case: indexOf finds line feeds far faster than a loop over every character.
        let n = 1;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            n++;
        starts = new Int32Array(n);
        starts[0] = first;
        n = 1;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            starts[n++] = i + 1;
    }
    else {
        const list = [first];
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10)
                list.push(i + 1);
            // A lone CR is a line break too (YAML 1.2 \u00a75.4); CRLF counts once.
            else if (c === 13 && text.charCodeAt(i + 1) !== 10)
                list.push(i + 1);
        }
        starts = Int32Array.from(list);
    }
    return starts;
}
/** 1-based line and column (UTF-16 code units) of an offset in a text of `length` whose lines start at `starts`. */
function positionIn(starts, length, offset) {
    const o = Math.max(0, Math.min(offset, length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o)
            lo = mid;
        else
            hi = mid - 1;
    }
    return { line: lo + 1, column: Math.max(0, o - starts[lo]) + 1 };
}
class LineIndex {
    text;
    table;
    constructor(text) {
        this.text = text;
    }
    /** Offsets at which each line starts; index 0 is line 1. Built on first use. */
    get starts() {
        return (this.table ??= lineStarts(this.text));
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 1-based line and column (UTF-16 code units) of an offset. */
    positionAt(offset) {
        return positionIn(this.starts, this.text.length, offset);
    }
    /**
     * The 1-based line of an offset. Before the table is built (a file with no finding may never need it), the line
     * feeds before the offset are counted instead: one look at the text up to there, not a table of the whole file.
     */
    lineAt(offset) {
        const text = this.text;
        // A carriage return before the offset may be a line break of its own: the table knows.
        if (this.table || (offset > 0 && text.lastIndexOf('\r', offset - 1) >= 0))
            return this.positionAt(offset).line;
        let line = 1;
        for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1))
            line++;
        return line;
    }
    /** Offset of a 1-based line and column. */
    offsetAt(pos) {
        const starts = this.starts;
        const line = Math.max(1, Math.min(pos.line, starts.length));
        return Math.min(starts[line - 1] + pos.column - 1, this.text.length);
    }
    lineStart(line) {
        const starts = this.starts;
        return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
    }
    /** Offset of the end of a 1-based line, before its line break. */
    lineEnd(line) {
        const starts = this.starts;
        const next = line < starts.length ? starts[line] : this.text.length;
        let e = next;
        if (e > 0 && this.text[e - 1] === '\n')
            e--;
        if (e > 0 && this.text[e - 1] === '\r' && e > starts[line - 1])
            e--;
        return Math.max(e, starts[line - 1]);
    }
    /** Text of a 1-based line without its line break. */
    lineText(line) {
        return this.text.slice(this.lineStart(line), this.lineEnd(line));
    }
    spanOf(start, end) {
        return { start: this.positionAt(start), end: this.positionAt(end) };
    }
}
/** The line break the file uses (first one found; `\n` by default). */
function detectEol(text) {
    const i = text.indexOf('\n');
    if (i > 0 && text[i - 1] === '\r')
        return '\r\n';
    if (i < 0 && text.includes('\r'))
        return '\r';
    return '\n';
}

;// CONCATENATED MODULE: ./src/model/memo.ts
/**
 * Memos kept on the object they are about, instead of in a module's WeakMap.
 *
 * V8's young-generation collection (the scavenge) does not clear a WeakMap entry whose key has died: the entry's
 * value stays alive, with everything it reaches, until the next full collection. A WeakMap remembering facts about
 * an install's values kept its files' whole trees alive through every scavenge (a node's `parent` reaches all of
 * its tree), so each scavenge copied them and many were promoted: on 2,700 values files over a quarter of what the
 * run allocated survived each scavenge, and scavenges took a fifth of the run (docs/benchmarks.md, round 8). A
 * memo held by its object dies with it.
 */
const MEMOS = Symbol('memos');
/**
 * The owner asked last, and its memos: rules ask for one install's facts many times in a row, and reading the
 * memos' property is slow where owners of many shapes pass (values, objects, projects, maps). It keeps that one
 * owner alive until another is asked for.
 */
let lastOwner;
let lastMemos;
const memoKind = (name) => ({ name });
/** A new empty Map: the `make` of a memo that is itself a table (one function for them all, no closure per call). */
const newMap = () => new Map();
/**
 * The result of `make()` for `owner` and `kind`, made once per owner. The memos are a non-enumerable property of
 * the owner: a copy made by spreading it (`{ ...values, chart: 'gloo' }`) starts with none of them, as a new key of
 * a WeakMap did, and they never show in its keys, its JSON or a test's deep equality.
 */
function memo(owner, kind, make) {
    let memos;
    if (owner === lastOwner)
        memos = lastMemos;
    else {
        memos = owner[MEMOS];
        if (!memos)
            Object.defineProperty(owner, MEMOS, { value: (memos = new Map()) });
        lastOwner = owner;
        lastMemos = memos;
    }
    const hit = memos.get(kind);
    if (hit !== undefined || memos.has(kind))
        return hit;
    // The owner is passed on: a hot caller hands over a function made once, not a closure per call.
    const out = make(owner);
    memos.set(kind, out);
    return out;
}

;// CONCATENATED MODULE: ./src/yaml/query.ts

/** Follows an alias to its anchored node (one hop chain, bounded). */
function deref(node) {
    let n = node ?? null;
    for (let i = 0; n && n.kind === 'alias' && i < 64; i++)
        n = n.target;
    return n && n.kind === 'alias' ? null : n;
}
function isMap(node) {
    return node?.kind === 'map';
}
function isSeq(node) {
    return node?.kind === 'seq';
}
function isScalar(node) {
    return node?.kind === 'scalar';
}
/** The last pair of `map` whose key is `key` (Helm and kubectl keep the last duplicate). */
function query_findPair(map, key) {
    const m = deref(map);
    if (!m || m.kind !== 'map')
        return undefined;
    const own = ownPair(m, key);
    // YAML merge keys: `<<: *anchor` (the tree flags maps that have one, so the common miss stays one scan).
    if (own || !m.merge)
        return own;
    return mergedPair(m, key);
}
/**
 * The last pair of `m` written with `key` itself (not reached through a merge key). A large map is looked up through
 * an index of its keys, made on the first lookup and kept on the map: rules look up each of a values file's proxies
 * in `gatewayProxies`, and a scan per lookup made a file of thousands of proxies quadratic. The index is made again
 * if the map has grown since (trees are built once; only a map being built changes).
 */
function ownPair(m, key) {
    const n = m.pairs.length;
    if (n > INDEXED) {
        const keys = memo(m, ownKeys, noKeys);
        if (keys.size !== n) {
            keys.pairs.clear();
            for (const p of m.pairs)
                if (p.key.kind === 'scalar')
                    keys.pairs.set(p.key.value, p);
            keys.size = n;
        }
        return keys.pairs.get(key);
    }
    for (let i = n - 1; i >= 0; i--) {
        const k = m.pairs[i].key;
        if (k.kind === 'scalar' && k.value === key)
            return m.pairs[i];
    }
    return undefined;
}
/** Collections larger than this are looked up through an index (`ownPair`, `childStep`); a scan of a smaller one is cheaper. */
const INDEXED = 32;
const ownKeys = memoKind('own keys');
const noKeys = () => ({ size: -1, pairs: new Map() });
/**
 * Looks `key` up through merge sources, depth-first in YAML's precedence order (earlier sources win).
 * Each map is searched once: `a: &a {<<: *a}` cycles and merge chains that fan out exponentially
 * (billion laughs built from `<<`) stay linear in the size of the tree.
 */
function mergedPair(m, key) {
    const seen = new Set([m]);
    const sourcesOf = (map) => {
        const out = [];
        for (const p of map.pairs) {
            if (p.key.kind !== 'scalar' || p.key.value !== '<<')
                continue;
            const merged = deref(p.value);
            const items = merged?.kind === 'seq' ? merged.items.map(deref) : [merged];
            for (const s of items)
                if (s && s.kind === 'map')
                    out.push(s);
        }
        return out;
    };
    const stack = sourcesOf(m).reverse();
    while (stack.length) {
        const s = stack.pop();
        if (seen.has(s))
            continue;
        seen.add(s);
        const found = ownPair(s, key);
        if (found)
            return found;
        if (s.merge)
            for (const next of sourcesOf(s).reverse())
                stack.push(next);
    }
    return undefined;
}
/** The value at `path` (map keys and sequence indices), following aliases; null when absent. */
function getNode(node, path) {
    let n = deref(node);
    for (const seg of path) {
        if (!n)
            return null;
        if (typeof seg === 'number') {
            if (n.kind !== 'seq')
                return null;
            n = deref(n.items[seg]);
        }
        else {
            const p = query_findPair(n, seg);
            n = p ? deref(p.value) : null;
        }
    }
    return n;
}
/** The deepest existing node along `path` and how many segments it covers. */
function deepestExisting(node, path) {
    let n = node;
    let pair;
    for (let i = 0; i < path.length; i++) {
        const p = query_findPair(n, path[i]);
        const v = p ? deref(p.value) : null;
        if (!p || !v)
            return { node: n, depth: i, pair };
        n = v;
        pair = p;
    }
    return { node: n, depth: path.length, pair };
}
function mapEntries(node) {
    const m = deref(node);
    if (!m || m.kind !== 'map')
        return NO_PAIRS;
    // The map's own list when every key is a plain one (nearly always): no copy per map read.
    for (const p of m.pairs)
        if (p.key.kind !== 'scalar' || p.key.value === '<<')
            return m.pairs.filter((q) => q.key.kind === 'scalar' && q.key.value !== '<<');
    return m.pairs;
}
const NO_PAIRS = Object.freeze([]);
function seqItems(node) {
    const s = deref(node);
    return s && s.kind === 'seq' ? s.items.map((i) => deref(i)).filter((i) => !!i) : [];
}
function keyOf(pair) {
    return pair.key.kind === 'scalar' ? pair.key.value : '';
}
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
// Helm reads values with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1), so yes/no/on/off are booleans too.
const TRUES = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']);
const FALSES = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N']);
/** A scalar's value as the YAML core schema (with YAML 1.1 booleans) resolves it; quoted scalars are strings. */
function scalarValue(node) {
    const n = deref(node);
    if (!n || n.kind !== 'scalar')
        return undefined;
    if (n.style !== 'plain' || (n.tag && n.tag.startsWith('!!str')))
        return n.value;
    return plainValue(n.value);
}
/**
 * A plain scalar's text as the core schema resolves it. Rules ask for many scalars, most of them words: only a
 * text that starts like a number is matched against the number forms, and only one as short as `false` is
 * looked up among the null and boolean words.
 */
function plainValue(v) {
    const c = v.length ? v.charCodeAt(0) : -1;
    // 0-9, `+`, `-`, `.`: how every number starts, and none of the words.
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
        if (INT.test(v))
            return Number(v.includes('_') ? v.replace(/_/g, '') : v);
        if (HEX.test(v))
            return parseInt(v.slice(2), 16);
        if (OCT.test(v))
            return parseInt(v.slice(2), 8);
        if (FLOAT.test(v))
            return Number(v);
        return v;
    }
    if (v.length > 5)
        return v;
    if (NULLS.has(v))
        return null;
    if (TRUES.has(v))
        return true;
    if (FALSES.has(v))
        return false;
    return v;
}
const INT = /^[-+]?(0|[1-9][0-9_]*)$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const OCT = /^0o[0-7]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** True only for a boolean true (quoted "true" is also accepted: Helm templates compare truthiness). */
function isTrue(node) {
    const v = scalarValue(node);
    return v === true || v === 'true';
}
function isFalse(node) {
    const v = scalarValue(node);
    return v === false || v === 'false';
}
function asNumber(node) {
    const v = scalarValue(node);
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && /^\d+$/.test(v))
        return Number(v);
    return undefined;
}
function asString(node) {
    const v = scalarValue(node);
    if (v === undefined || v === null)
        return undefined;
    return String(v);
}
/** Getter shortcuts. */
const str = (node, path) => asString(getNode(node, path));
/** JSON path of a node inside its document, e.g. `spec.containers[0].image`. */
function jsonPathOf(node) {
    const parts = [];
    let n = node;
    while (n.parent) {
        const p = n.parent;
        const step = childStep(p, n);
        if (typeof step === 'number')
            parts.push(`[${step}]`);
        else
            parts.push(/^[A-Za-z0-9_-]+$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`);
        n = p;
    }
    const s = parts.reverse().join('');
    return s.startsWith('.') ? s.slice(1) : s;
}
// Per-collection index of child \u2192 position, built once: a finding on each of 100,000 duplicate keys must
// not rescan the map each time. A hit is checked against the collection, which is re-indexed if it changed.
// Only large collections are indexed: a scan of a small one is cheaper. The index is kept on the collection
// (`memo`), so it dies with its tree.
const positions = memoKind('child positions');
const noIndex = () => ({ index: null });
function childStep(p, child) {
    const at = (i) => i !== undefined && (p.kind === 'seq' ? p.items[i] === child : p.pairs[i]?.value === child || p.pairs[i]?.key === child);
    let i;
    if ((p.kind === 'seq' ? p.items.length : p.pairs.length) <= INDEXED) {
        if (p.kind === 'seq')
            i = p.items.indexOf(child);
        else
            i = p.pairs.findIndex((pair) => pair.value === child || pair.key === child);
        if (i < 0)
            i = undefined;
    }
    else
        i = memo(p, positions, noIndex).index?.get(child);
    if (!at(i) && (p.kind === 'seq' ? p.items.length : p.pairs.length) > INDEXED) {
        const index = new Map();
        if (p.kind === 'seq')
            p.items.forEach((item, k) => index.has(item) || index.set(item, k));
        else
            p.pairs.forEach((pair, k) => {
                if (!index.has(pair.value))
                    index.set(pair.value, k);
                if (!index.has(pair.key))
                    index.set(pair.key, k);
            });
        memo(p, positions, noIndex).index = index;
        i = index.get(child);
    }
    if (p.kind === 'seq')
        return i ?? -1;
    const key = i === undefined ? undefined : p.pairs[i].key;
    return key && key.kind === 'scalar' ? key.value : '?';
}
/**
 * Converts a subtree to plain JS. Aliases are followed within a node budget (alias bombs) and a depth
 * limit; an alias back into a map or sequence being converted (`a: &a {b: *a}`) becomes null.
 */
function toPlain(node, budget = { left: 10000 }) {
    return plain(node, budget, new Set(), 0);
}
const MAX_PLAIN_DEPTH = 512;
function plain(node, budget, open, depth) {
    const n = deref(node);
    if (!n || budget.left-- <= 0 || depth > MAX_PLAIN_DEPTH || open.has(n))
        return null;
    if (n.kind === 'scalar')
        return scalarValue(n);
    open.add(n);
    let out = null;
    if (n.kind === 'seq')
        out = n.items.map((i) => plain(i, budget, open, depth + 1));
    else if (n.kind === 'map') {
        const o = {};
        for (const p of n.pairs) {
            if (p.key.kind !== 'scalar')
                continue;
            const v = plain(p.value, budget, open, depth + 1);
            // A `__proto__` key is data, not the object's prototype.
            if (p.key.value === '__proto__')
                Object.defineProperty(o, '__proto__', { value: v, enumerable: true, writable: true, configurable: true });
            else
                o[p.key.value] = v;
        }
        out = o;
    }
    open.delete(n);
    return out;
}
/**
 * The node a finding about `path` points at: the value when present, else the key of the nearest existing
 * ancestor, else the object's `kind` key (a whole-document span would be useless in a review).
 */
function locatePath(root, path) {
    const d = deepestExisting(root, path);
    if (d.depth === path.length)
        return d.node;
    if (d.pair)
        return d.pair.key;
    const kind = query_findPair(root, 'kind');
    if (kind)
        return kind.key;
    const first = deref(root);
    return first && first.kind === 'map' && first.pairs[0] ? first.pairs[0].key : root;
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "\u0085";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var js_yaml_HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + js_yaml_HEX[byte >> 4] + js_yaml_HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "\u0085": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/yaml/tree.ts
/**
 * A small located YAML tree built from js-yaml 5's `parseEvents`: every node knows its source offsets,
 * so rules can point at exact spans and fixes can be minimal text edits on the original source.
 */

const MAX_DEPTH = 200;
const STYLES = {
    [SCALAR_STYLE.PLAIN]: 'plain',
    [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
    [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
    [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
    [SCALAR_STYLE.FOLDED_BLOCK]: 'folded'
};
/**
 * Parses every document of `text`. Never throws for bad YAML: the error is returned with its position.
 * `events`: what `parseEvents(text)` already returned (the engine keeps them between its passes).
 */
function parseDocuments(text, options = {}) {
    let events;
    try {
        events = options.events ?? parseEvents(text, { maxDepth: options.maxDepth ?? MAX_DEPTH });
    }
    catch (err) {
        return { documents: [], error: toSyntaxProblem(err, text), aliasCount: 0 };
    }
    try {
        return buildTree(text, events);
    }
    catch (err) {
        return { documents: [], error: toSyntaxProblem(err, text), aliasCount: 0 };
    }
}
function toSyntaxProblem(err, text) {
    const e = err;
    const mark = e.mark;
    const offset = mark ? Math.min(mark.position, text.length) : 0;
    return {
        message: e.reason ?? e.message ?? String(err),
        offset,
        line: mark ? mark.line + 1 : 1,
        column: mark ? mark.column + 1 : 1
    };
}
function buildTree(text, events) {
    const documents = [];
    const anchors = new Map();
    // Stack of open collections; for maps, a pending key while the value is being built.
    const stack = [];
    // The entries of every open collection, each collection's from its `base` on: a collection gets its list when it
    // closes, of its exact length (a list grown by pushes starts with room for 17 entries, and most maps hold a few).
    const entries = [];
    let doc = null;
    let aliasCount = 0;
    const attach = (node) => {
        const top = stack[stack.length - 1];
        if (!top) {
            if (doc)
                doc.root = node;
            return;
        }
        node.parent = top.node;
        // An empty scalar has no offsets of its own: put it where a value would be typed.
        const placeEmpty = node.kind === 'scalar' && node.empty && !node.anchor && !node.tag;
        const hasPrev = entries.length > top.base;
        if (top.node.kind === 'seq') {
            if (placeEmpty) {
                const prev = hasPrev ? entries[entries.length - 1] : undefined;
                node.start = node.end = afterDash(text, prev ? prev.end : top.node.start);
            }
            entries.push(node);
        }
        else if (top.key === null) {
            if (placeEmpty) {
                const prev = hasPrev ? entries[entries.length - 1] : undefined;
                node.start = node.end = prev ? prev.value.end : top.node.start;
            }
            top.key = node;
        }
        else {
            if (placeEmpty) {
                // `key:` with no value: place the empty scalar just after the colon.
                const at = afterColon(text, top.key.end);
                node.start = node.end = at;
            }
            if (top.key.kind === 'scalar' && top.key.value === '<<' && top.key.style === 'plain')
                top.node.merge = true;
            entries.push({ key: top.key, value: node });
            top.key = null;
        }
    };
    for (let i = 0; i < events.length; i++) {
        const ev = events[i];
        switch (ev.type) {
            case EVENT_ID.DOCUMENT:
                anchors.clear();
                doc = { index: documents.length, root: null, start: 0, end: 0, duplicateKeys: [] };
                documents.push(doc);
                break;
            case EVENT_ID.MAPPING:
            case EVENT_ID.SEQUENCE: {
                const flow = ev.style === 2;
                // js-yaml's anchor range is the name without its `&`.
                const anchor = ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined;
                const tag = ev.tagStart >= 0 ? text.slice(ev.tagStart, ev.tagEnd) : undefined;
                // Written out, not spread from a common part: one object per collection, of one shape per kind.
                const node = ev.type === EVENT_ID.MAPPING
                    ? { kind: 'map', pairs: [], start: ev.start, end: ev.start, parent: null, flow, anchor, tag }
                    : { kind: 'seq', items: [], start: ev.start, end: ev.start, parent: null, flow, anchor, tag };
                if (node.anchor)
                    anchors.set(node.anchor, node);
                attach(node);
                stack.push({ node, key: null, base: entries.length });
                break;
            }
            case EVENT_ID.SCALAR: {
                const node = scalarNode(text, ev);
                if (node.anchor)
                    anchors.set(node.anchor, node);
                attach(node);
                break;
            }
            case EVENT_ID.ALIAS: {
                aliasCount++;
                // js-yaml's alias range is the name without its `*`; the node starts at the `*`.
                const name = text.slice(ev.anchorStart, ev.anchorEnd);
                const node = {
                    kind: 'alias',
                    name,
                    target: anchors.get(name) ?? null,
                    start: Math.max(ev.anchorStart - 1, 0),
                    end: ev.anchorEnd,
                    parent: null
                };
                attach(node);
                break;
            }
            case EVENT_ID.POP: {
                const top = stack.pop();
                if (!top) {
                    if (doc)
                        finishDocument(text, doc);
                    doc = null;
                    break;
                }
                const list = entries.slice(top.base);
                entries.length = top.base;
                if (top.node.kind === 'map')
                    top.node.pairs = list;
                else
                    top.node.items = list;
                closeCollection(text, top.node, doc);
                break;
            }
        }
    }
    return { documents, aliasCount };
}
function scalarNode(text, ev) {
    const style = STYLES[ev.style] ?? 'plain';
    const empty = ev.valueStart < 0;
    let start = ev.valueStart;
    let end = ev.valueEnd;
    let comment;
    if (empty) {
        // `key: &a` / `- !!null`: after the properties; otherwise placed by the parent.
        start = end = Math.max(ev.anchorEnd, ev.tagEnd, 0);
    }
    else if (style === 'single' || style === 'double') {
        start -= 1;
        end += 1;
    }
    else if (style === 'literal' || style === 'folded') {
        const header = tree_blockHeader(text, ev.valueStart);
        start = header.start;
        comment = header.comment;
        // js-yaml's range runs to the start of the next line, trailing blank lines included. The node ends
        // with its last content line instead, so a replacement keeps the line break and a span does not spill
        // onto the next key's line. (Trailing blank lines a `|+` keeps are content: edits.ts extends over them.)
        while (end > ev.valueStart && WHITESPACE.has(text.charCodeAt(end - 1)))
            end--;
        if (end <= ev.valueStart)
            end = header.end;
    }
    const node = {
        kind: 'scalar',
        value: empty ? '' : getScalarValue(text, ev),
        style,
        empty,
        start,
        end,
        parent: null
    };
    if (ev.anchorStart >= 0)
        node.anchor = text.slice(ev.anchorStart, ev.anchorEnd);
    if (ev.tagStart >= 0)
        node.tag = text.slice(ev.tagStart, ev.tagEnd);
    if (style === 'literal' || style === 'folded') {
        node.blockIndent = ev.indent;
        if (comment)
            node.headerComment = comment;
    }
    return node;
}
const WHITESPACE = new Set([9, 10, 13, 32]);
// `|`, `>`, `|-2`, `>+ # comment`: the indicator is the first `|`/`>` after a space (or at the line start)
// that only indicators, blanks and a comment follow. A `>` or `|` inside the comment is not it.
const BLOCK_HEADER = /(?:^|[ \t])([|>][-+0-9]*)([ \t]+#.*)?[ \t]*$/;
/** The `|` / `>` header of a block scalar whose content starts at `contentStart` (the line after it). */
function tree_blockHeader(text, contentStart) {
    let e = contentStart;
    if (e > 0 && text[e - 1] === '\n')
        e--;
    if (e > 0 && text[e - 1] === '\r')
        e--;
    let ls = e;
    while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r')
        ls--;
    const m = BLOCK_HEADER.exec(text.slice(ls, e));
    if (m) {
        const at = ls + m.index + m[0].indexOf(m[1]);
        return { start: at, end: at + m[1].length, comment: m[2] };
    }
    let i = contentStart - 1;
    while (i > 0 && text[i] !== '|' && text[i] !== '>')
        i--;
    return { start: Math.max(i, 0), end: Math.max(i, 0) + 1 };
}
/** Just past the `-` of the next block sequence entry at or after `from` (`from` when there is none). */
function afterDash(text, from) {
    let i = from;
    while (i < text.length) {
        const c = text[i];
        if (c === '-')
            return i + 1;
        if (c === '#')
            while (i < text.length && text[i] !== '\n' && text[i] !== '\r')
                i++;
        else if (c === ' ' || c === '\t' || c === '\n' || c === '\r')
            i++;
        else
            break;
    }
    return from;
}
function afterColon(text, from) {
    let i = from;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === "'"))
        i++;
    if (text[i] === ':')
        return i + 1;
    return from;
}
function closeCollection(text, node, doc) {
    const last = node.kind === 'map' ? node.pairs[node.pairs.length - 1]?.value : node.items[node.items.length - 1];
    let end = last ? Math.max(last.end, node.start) : node.start;
    const open = node.kind === 'map' ? '{' : '[';
    // A single `key: value` pair inside a flow sequence (`[a: 1]`) is a flow map without braces.
    if (node.flow && text[node.start] === open) {
        // Past the closing bracket: only blanks, commas and comments may come before it.
        const close = node.kind === 'map' ? '}' : ']';
        let i = last ? end : node.start + 1;
        for (; i < text.length && text[i] !== close; i++) {
            const c = text[i];
            if (c === '#')
                while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r')
                    i++;
            else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',')
                break;
        }
        if (text[i] === close)
            end = i + 1;
    }
    node.end = end;
    if (node.kind === 'map' && doc)
        collectDuplicates(node, doc);
}
function collectDuplicates(node, doc) {
    if (node.pairs.length < 2)
        return;
    // Most maps are small: comparing with the keys before is cheaper than a Set per map (same result).
    if (node.pairs.length <= 8) {
        for (let i = 1; i < node.pairs.length; i++) {
            const k = node.pairs[i].key;
            if (k.kind !== 'scalar' || k.value === '<<')
                continue;
            for (let j = 0; j < i; j++) {
                const e = node.pairs[j].key;
                if (e.kind === 'scalar' && e.value === k.value) {
                    doc.duplicateKeys.push(k);
                    break;
                }
            }
        }
        return;
    }
    const seen = new Set();
    for (const p of node.pairs) {
        if (p.key.kind !== 'scalar')
            continue;
        if (p.key.value === '<<')
            continue;
        if (seen.has(p.key.value))
            doc.duplicateKeys.push(p.key);
        else
            seen.add(p.key.value);
    }
}
function finishDocument(text, doc) {
    if (doc.root) {
        if (doc.root.kind === 'scalar' && doc.root.empty)
            doc.root.start = doc.root.end = 0;
        doc.start = doc.root.start;
        doc.end = doc.root.end;
    }
    void text;
}
/** Walks every node of a tree depth-first (aliases are visited, their targets are not). */
function* walk(node) {
    if (!node)
        return;
    const stack = [node];
    while (stack.length) {
        const n = stack.pop();
        yield n;
        if (n.kind === 'map')
            for (let i = n.pairs.length - 1; i >= 0; i--)
                stack.push(n.pairs[i].value, n.pairs[i].key);
        else if (n.kind === 'seq')
            for (let i = n.items.length - 1; i >= 0; i--)
                stack.push(n.items[i]);
    }
}
/** Moves every offset of a tree by a mapping function (used for values embedded in a string). */
function remapOffsets(node, map) {
    for (const n of walk(node)) {
        n.start = map(n.start);
        n.end = map(n.end);
    }
}

;// CONCATENATED MODULE: ./src/yaml/edits.ts



/** What an edit needs to know about the file it edits. */
class EditSource {
    text;
    roots;
    lines;
    eol;
    step;
    /**
     * @param roots the file's trees, to measure its indentation step from
     * @param options.lines the file's line index, shared rather than built again
     * @param options.indentStep the step, when it was measured before the trees were dropped
     */
    constructor(text, roots = [], options = {}) {
        this.text = text;
        this.roots = roots;
        this.lines = options.lines ?? new LineIndex(text);
        this.step = options.indentStep;
        this.eol = detectEol(text);
    }
    /** 0-based column of an offset. */
    col(offset) {
        return this.lines.positionAt(offset).column - 1;
    }
    /** The file's own indentation step, from the first nested block map (2 when none). */
    get indentStep() {
        if (this.step !== undefined)
            return this.step;
        this.step = 2;
        outer: for (const root of this.roots)
            for (const n of walk(root)) {
                if (n.kind !== 'map' || n.flow)
                    continue;
                for (const p of n.pairs) {
                    const v = p.value;
                    if (v.kind === 'map' && !v.flow && v.pairs.length > 0 && this.lineOf(v.pairs[0].key.start) > this.lineOf(p.key.start)) {
                        const d = this.col(v.start) - this.col(n.start);
                        if (d > 0 && d <= 8) {
                            this.step = d;
                            break outer;
                        }
                    }
                }
            }
        return this.step;
    }
    lineOf(offset) {
        return this.lines.positionAt(offset).line;
    }
    /** Offset of the start of the line after the one holding `offset - 1` (or the text end). */
    nextLineStart(endOffset) {
        const line = this.lineOf(Math.max(endOffset - 1, 0));
        return line < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
    }
}
// A key is written plain only when YAML (1.1 as Helm reads it, and 1.2) reads it back as the same string.
const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_.\/-]*$/;
const NON_STRING_KEY = /^(?:y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
const fmtKey = (k) => (SIMPLE_KEY.test(k) && !NON_STRING_KEY.test(k) ? k : JSON.stringify(k));
function renderBlock(src, entries, col) {
    let out = '';
    const pad = ' '.repeat(col);
    for (const [k, v] of entries) {
        if (typeof v === 'string')
            out += `${pad}${fmtKey(k)}: ${v}${src.eol}`;
        // The one flow map a block ever gets: an empty map has no block form (`key:` alone is null, which in Helm
        // values deletes the chart's defaults for the whole map).
        else if (Object.keys(v).length === 0)
            out += `${pad}${fmtKey(k)}: {}${src.eol}`;
        else
            out += `${pad}${fmtKey(k)}:${src.eol}${renderBlock(src, Object.entries(v), col + src.indentStep)}`;
    }
    return out;
}
function renderFlow(entries) {
    return entries
        .map(([k, v]) => `${fmtKey(k)}: ${typeof v === 'string' ? v : `{${renderFlow(Object.entries(v))}}`}`)
        .join(', ');
}
/** Nests the rest of a path around a value: (['a','b'], 'x') \u2192 {a: {b: 'x'}} as entries. */
function nest(path, value) {
    let v = value;
    for (let i = path.length - 1; i > 0; i--)
        v = { [path[i]]: v };
    return [[path[0], v]];
}
/**
 * Replaces a scalar (quotes included; a block scalar from its header to its last line) with `text`. An empty
 * value gets a separating space; a comment on a block scalar's header line stays after the new value.
 */
function replaceScalar(node, text) {
    if (node.empty)
        return { range: [node.start, node.start], text: ` ${text}` };
    return { range: [node.start, node.end], text: text + (node.headerComment ?? '') };
}
/**
 * Sets `path` under `root` to `value`, inserting whatever part of the path is missing under the nearest
 * existing ancestor. Returns null when no safe minimal edit exists (the path runs through a sequence, a
 * non-empty scalar or an alias, the value to replace is a collection or a tagged scalar, or the document
 * has no root mapping).
 * @param order where a new key goes in an existing block map whose keys follow that order; else at its end
 */
function setPath(src, root, path, value, order) {
    const r = deref(root);
    if (!r || r.kind !== 'map' || path.length === 0)
        return null;
    return setIn(src, r, path, value, order, 0);
}
/** The compare function for a map whose keys sit at `depth` of the path, if that map follows the order. */
const orderAt = (order, depth) => (order && depth >= order.from ? order.compare : undefined);
function setIn(src, map, path, value, order, depth) {
    let m = map;
    for (let i = 0; i < path.length; i++) {
        const last = i === path.length - 1;
        const pair = ownPair(m, path[i]);
        if (!pair) {
            // Only reachable through a merge key (`<<: *base`): an explicit key overrides the merged one, but
            // writing an intermediate map here would hide the merged map's other keys.
            if (!last && query_findPair(m, path[i]))
                return null;
            return insertInto(src, m, nest(path.slice(i), value), orderAt(order, depth + i));
        }
        const v = pair.value;
        if (v.kind === 'alias') {
            // Editing the anchored node would change every alias of it; replacing this alias is local.
            return last && typeof value === 'string' ? [{ range: [v.start, v.end], text: value }] : null;
        }
        if (v.kind === 'map') {
            if (!last) {
                m = v;
                continue;
            }
            return typeof value === 'string' ? null : mergeInto(src, v, value, order, depth + i + 1);
        }
        if (v.kind !== 'scalar')
            return null;
        // `? key` or `{key}` has an empty value but no `:` to write one after.
        if (v.empty && !src.text.slice(pair.key.end, v.start).includes(':'))
            return null;
        if (last && typeof value === 'string') {
            // A tag would stay in front of the new text and change its meaning (`!!str true`).
            if (v.tag)
                return null;
            // The same text (`"x"` over `"x"`), or the same plain value: nothing to do, so a second run changes nothing.
            if (src.text.slice(v.start, v.end) === value || (v.value === value && v.style === 'plain'))
                return [];
            return [replaceScalar(v, value)];
        }
        // `key:` / `key: null` takes a map the way a missing key would.
        if (!isNullish(v))
            return null;
        return fillNull(src, pair, v, last ? Object.entries(value) : nest(path.slice(i + 1), value));
    }
    return null;
}
/** Sets each entry of `value` into an existing map (whose keys sit at `depth` of the path), recursively. */
function mergeInto(src, map, value, order, depth) {
    const out = [];
    const missing = [];
    for (const [k, v] of Object.entries(value)) {
        if (ownPair(map, k)) {
            const e = setIn(src, map, [k], v, order, depth);
            if (!e)
                return null;
            out.push(...e);
        }
        else
            missing.push([k, v]);
    }
    if (missing.length) {
        const e = insertInto(src, map, missing, orderAt(order, depth));
        if (!e)
            return null;
        out.push(...e);
    }
    return out;
}
function isNullish(node) {
    if (node.tag)
        return false;
    return node.empty || (node.style === 'plain' && ['~', 'null', 'Null', 'NULL'].includes(node.value));
}
/**
 * Appends a key path where a layer has no mapping yet: by default at the end of an empty (or comments-only) file at
 * column 0; `at` names another line start and the column its keys are indented to (inside a literal block).
 */
function appendTopLevel(src, path, value, at) {
    return insertLines(src, at?.offset ?? src.text.length, renderBlock(src, nest(path, value), at?.column ?? 0));
}
/**
 * Inserts entries into a map, in the map's own style and indentation: as its last keys, or, with `compare`, into a
 * block map whose keys already follow that order, each after the nearest key that comes before it (see `orderedSites`).
 */
function insertInto(src, map, entries, compare) {
    if (entries.length === 0)
        return [];
    // `key: {}` in a block map takes the block style of the map around it: an empty flow map has no style of
    // its own to keep, and a flow map filled by fixes grows into one long line (`gloo-ee: {\u2026430 characters\u2026}`).
    const open = emptyFlowInBlock(src, map);
    if (open)
        return openBlock(src, src.col(open.start) + src.indentStep, map.start, map.end, entries);
    if (map.flow) {
        const close = map.end - 1;
        if (src.text[close] !== '}' || src.text[map.start] !== '{')
            return null;
        const body = renderFlow(entries);
        // `{}` (the root, a flow map's value or a sequence item) \u2192 `{b: 2}`; `{a: 1}` \u2192 `{a: 1, b: 2}` right after the last value, so a trailing comma or a
        // comment before the brace stays where it is.
        if (!map.pairs.length)
            return [{ range: [map.start + 1, map.start + 1], text: body }];
        const lastValue = map.pairs[map.pairs.length - 1].value;
        const at = lastValue.kind === 'scalar' && lastValue.empty ? close : lastValue.end;
        return [{ range: [at, at], text: `, ${body}` }];
    }
    if (map.pairs.length === 0)
        return null;
    // A block map starts at its first key's properties or `?` (`&a key:`, `!!str key:`, `? key`): that is the
    // column its keys are indented to, not the first key's own text.
    const col = src.col(map.start);
    const sites = compare ? orderedSites(src, map, entries, compare) : undefined;
    if (!sites)
        return [insertLines(src, endOfContent(src, map), renderBlock(src, entries, col))];
    return [...sites].map(([at, group]) => insertLines(src, at, renderBlock(src, group, col)));
}
/**
 * Where each entry goes in a block map whose two or more keys follow `compare` (strictly: a duplicate or a key out
 * of order means the file has an order of its own, and the entries go at the end; one key says nothing). An entry goes right after the last line of
 * the nearest key that comes before it, so the comment lines above the next key stay with that key; before every
 * key, it goes above the comment lines right above the first key (no blank line between). Undefined when the map
 * does not follow the order or a site is not a line start that only holds the key (`- key:` of a sequence item).
 * @returns insertion offset \u2192 the entries to insert there, in their given order
 */
function orderedSites(src, map, entries, compare) {
    const keys = [];
    for (const p of map.pairs) {
        if (p.key.kind !== 'scalar' || p.key.style === 'literal' || p.key.style === 'folded')
            return undefined;
        if (p.key.value === '<<' && p.key.style === 'plain')
            return undefined;
        if (keys.length && compare(keys[keys.length - 1], p.key.value) >= 0)
            return undefined;
        keys.push(p.key.value);
    }
    // One key is no evidence of an order: the file may follow another.
    if (keys.length < 2)
        return undefined;
    const sites = new Map();
    const end = endOfContent(src, map);
    for (const entry of entries) {
        const next = keys.findIndex((k) => compare(entry[0], k) < 0);
        let at;
        if (next < 0)
            at = end;
        else if (next > 0) {
            const prev = map.pairs[next - 1];
            at = belowNestedComments(src, endOfContent(src, prev.value.end > prev.key.end ? prev.value : prev.key), src.col(map.start));
        }
        else
            at = aboveComments(src, map);
        // The key after the site must start its own line: `- key:` keeps its dash on the first key.
        if (next >= 0) {
            const line = src.lineOf(map.pairs[next].key.start);
            if (src.text.slice(src.lines.lineStart(line), next === 0 ? map.start : map.pairs[next].key.start).trim() !== '')
                return undefined;
        }
        sites.set(at, [...(sites.get(at) ?? []), entry]);
    }
    return sites;
}
/**
 * Past the comment lines at `at` indented deeper than the map's keys (column `col`): they belong to the block of the
 * key before (a commented-out child key), so they stay with it.
 */
function belowNestedComments(src, at, col) {
    while (at < src.text.length) {
        const text = src.lines.lineText(src.lineOf(at));
        const m = /^(\s*)#/.exec(text);
        if (!m || m[1].length <= col)
            break;
        at = src.nextLineStart(at + 1);
    }
    return at;
}
/**
 * The start of the comment lines right above a block map's first key (no blank line between), else of its line. A
 * comment block that opens the file is the file's header, not the key's: the entry goes below it.
 */
function aboveComments(src, map) {
    const first = src.lineOf(map.start);
    let line = first;
    while (line > 1 && /^\s*#/.test(src.lines.lineText(line - 1)))
        line--;
    return src.lines.lineStart(line === 1 ? first : line);
}
/**
 * The offset where lines go after `node`: the start of the line after its last one, past the trailing
 * blank lines that a keeping block scalar (`|+`) at its end owns.
 */
function endOfContent(src, node) {
    let at = src.nextLineStart(node.end);
    let last = node;
    while (last && (last.kind === 'map' || last.kind === 'seq') && !last.flow)
        last = last.kind === 'map' ? last.pairs[last.pairs.length - 1]?.value : last.items[last.items.length - 1];
    if (last && last.kind === 'scalar' && (last.style === 'literal' || last.style === 'folded') && /^[|>][-0-9]*\+/.test(src.text.slice(last.start, last.start + 4)))
        while (at < src.text.length && src.lines.lineText(src.lineOf(at)).trim() === '')
            at = src.nextLineStart(at + 1);
    return at;
}
/** Inserts whole lines (each ending in the file's line break) at a line start, or at the end of the text. */
function insertLines(src, at, lines) {
    // At the end of a file without a final line break: break before the lines instead of after them.
    if (at === src.text.length && src.text.length > 0 && !/[\r\n]$/.test(src.text))
        return { range: [at, at], text: src.eol + lines.slice(0, lines.length - src.eol.length) };
    return { range: [at, at], text: lines };
}
/**
 * The block map around `map` when `map` is an empty one-line flow map (`{}`, `{ }`) written as the value of
 * one of its keys; undefined otherwise (a flow map with entries or a comment inside keeps its flow style).
 */
function emptyFlowInBlock(src, map) {
    const parent = map.parent;
    if (!map.flow || map.pairs.length || !parent || parent.kind !== 'map' || parent.flow)
        return undefined;
    if (!parent.pairs.some((p) => p.value === map))
        return undefined;
    if (src.text[map.start] !== '{' || src.text[map.end - 1] !== '}')
        return undefined;
    return /^[ ]*$/.test(src.text.slice(map.start + 1, map.end - 1)) ? parent : undefined;
}
/**
 * Replaces the value text `[start, end)` of a block map's key (`null`, `~`, `{}`) with a nested block of
 * `entries` at column `col`, on the lines after the key's. The blanks before the value go too; a comment after
 * it stays on the key's line (`key: # why`), an anchor or a tag before it stays on the key (`key: &a`), and a
 * comment line below the key stays above the key it documents, since the new lines come right after the key's.
 */
function openBlock(src, col, start, end, entries) {
    let s = start;
    while (s > 0 && (src.text[s - 1] === ' ' || src.text[s - 1] === '\t'))
        s--;
    const out = [];
    if (s < end)
        out.push({ range: [s, end], text: '' });
    out.push(insertLines(src, src.nextLineStart(end), renderBlock(src, entries, col)));
    return out;
}
/** Replaces `key:` / `key: null` with a nested block (a flow map inside a flow parent, `{}` for no entries). */
function fillNull(src, pair, node, entries) {
    const parent = pair.value.parent;
    if (parent && parent.kind === 'map' && parent.flow) {
        const text = `{${renderFlow(entries)}}`;
        return [node.empty ? { range: [node.start, node.start], text: ` ${text}` } : { range: [node.start, node.end], text }];
    }
    if (!entries.length)
        return [node.empty ? { range: [node.start, node.start], text: ' {}' } : { range: [node.start, node.end], text: '{}' }];
    const col = src.col(parent && parent.kind === 'map' ? parent.start : pair.key.start) + src.indentStep;
    return openBlock(src, col, node.start, node.end, entries);
}
/**
 * Removes a key/value pair with its lines. Null when it cannot be done safely. Removing the only key of a
 * nested map leaves `parent:` empty, which is null: in Helm values a null deletes the chart's defaults
 * for that whole map, so a caller either inserts into the map in the same fix or removes the parent too.
 */
function removePair(src, map, pair) {
    const idx = map.pairs.indexOf(pair);
    if (idx < 0)
        return null;
    if (map.flow) {
        if (map.pairs.length === 1)
            return { range: [pair.key.start, pair.value.end], text: '' };
        if (idx < map.pairs.length - 1)
            return { range: [pair.key.start, map.pairs[idx + 1].key.start], text: '' };
        return { range: [map.pairs[idx - 1].value.end, pair.value.end], text: '' };
    }
    const keyLine = src.lineOf(pair.key.start);
    const lineStart = src.lines.lineStart(keyLine);
    // `- key: v` where key is the item's first key: removing the line would drop the dash.
    if (src.text.slice(lineStart, pair.key.start).trim() !== '')
        return null;
    const end = endOfContent(src, pair.value.end > pair.key.end ? pair.value : pair.key);
    return { range: [lineStart, end], text: '' };
}
/** Removes one item of a sequence. Null when it is the only item (remove the owning pair instead). */
function removeSeqItem(src, seq, index) {
    const item = seq.items[index];
    if (!item || seq.items.length < 2)
        return null;
    if (seq.flow) {
        if (index < seq.items.length - 1)
            return { range: [item.start, seq.items[index + 1].start], text: '' };
        return { range: [seq.items[index - 1].end, item.end], text: '' };
    }
    // The item's `- `: a `-` followed by a blank (a `-` inside `&my-anchor` is not it).
    let dash = item.start - 1;
    while (dash >= 0 && !(src.text[dash] === '-' && /[\s]/.test(src.text[dash + 1] ?? ' ')))
        dash--;
    if (dash < 0)
        return null;
    const line = src.lineOf(dash);
    const lineStart = src.lines.lineStart(line);
    if (src.text.slice(lineStart, dash).trim() !== '')
        return null;
    return { range: [lineStart, endOfContent(src, item)], text: '' };
}

;// CONCATENATED MODULE: ./src/gloo/key-order.ts
/**
 * The chart's `values.yaml` is generated: `generate.go` writes it with `github.com/ghodss/yaml` (1.22.1
 * install/helm/gloo/generate.go:7, 128, the same from 1.3.0), which marshals through JSON into a plain map, and
 * `gopkg.in/yaml.v2` writes a map's keys sorted by its `keyList.Less` (sorter.go). So every map of the chart's values
 * lists its keys in that order, `values-template.yaml`'s hand-written order being lost: `podTemplate` reads
 * `customLivenessProbe, customReadinessProbe, disableNetBind, enablePodSecurityContext, fsGroup, gracefulShutdown,
 * httpPort, httpsPort, image, probes, runAsUser, runUnprivileged`. This is that order: letters by code point (upper
 * case first), a non-letter before a letter, and runs of digits by their number (`a2` before `a10`).
 */
function compareChartKeys(a, b) {
    if (a === b)
        return 0;
    return keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;
}
const isLetter = (c) => /\p{L}/u.test(c);
const isDigit = (c) => c !== undefined && c >= '0' && c <= '9';
/** yaml.v2 sorter.go `keyList.Less` for two string keys. */
function keyLess(a, b) {
    const ar = [...a];
    const br = [...b];
    for (let i = 0; i < ar.length && i < br.length; i++) {
        if (ar[i] === br[i])
            continue;
        const al = isLetter(ar[i]);
        const bl = isLetter(br[i]);
        if (al && bl)
            return ar[i].codePointAt(0) < br[i].codePointAt(0);
        if (al || bl)
            return bl;
        let an = 0;
        let bn = 0;
        if (ar[i] === '0' || br[i] === '0')
            for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--)
                if (ar[j] !== '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
        let ai = i;
        let bi = i;
        for (; ai < ar.length && isDigit(ar[ai]); ai++)
            an = an * 10 + Number(ar[ai]);
        for (; bi < br.length && isDigit(br[bi]); bi++)
            bn = bn * 10 + Number(br[bi]);
        if (an !== bn)
            return an < bn;
        if (ai !== bi)
            return ai < bi;
        return ar[i].codePointAt(0) < br[i].codePointAt(0);
    }
    return ar.length < br.length;
}
/**
 * The chart's key order for edits under a values root: maps from path index `from` on (the values' own maps;
 * a wrapper's `spec` or `helm` above them keeps its own).
 */
const chartKeyOrder = (from = 0) => ({ from, compare: compareChartKeys });

;// CONCATENATED MODULE: ./src/gloo/version.ts
/** Gloo chart versions: parsing and comparison (numeric beta numbers: 1.4.0-beta15 > 1.4.0-beta9). */
/** Parses `1.14.3`, `v1.4.0-beta15`, `1.17.x`, `>=1.12.0 <2`, `1.4.10`; undefined when no version is in it. */
function parseVersion(raw) {
    if (!raw)
        return undefined;
    // Rules compare with the same few constants (`isBefore(v, '1.7.0-beta21')`) for every proxy: parsed once.
    const key = String(raw);
    if (parsed.has(key))
        return parsed.get(key);
    const v = parseVersionNow(key);
    if (parsed.size >= 10_000)
        parsed.clear();
    parsed.set(key, v);
    return v;
}
const parsed = new Map();
function parseVersionNow(raw) {
    // Only alpha/beta/rc are pre-releases: `1.14.3-fips` and `1.17.0-extended` are build variants of a release.
    const m = /v?(\d+)\.(\d+)(?:\.(\d+|x|\*))?(?:-(alpha|beta|rc)\.?(\d+)?)?/i.exec(String(raw));
    if (!m)
        return undefined;
    return {
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : 0,
        pre: m[4] ? [m[4].toLowerCase(), Number(m[5] ?? 0)] : undefined,
        raw: String(raw)
    };
}
/** Negative when a < b, 0 when equal, positive when a > b. */
function compareVersions(a, b) {
    if (a.major !== b.major)
        return a.major - b.major;
    if (a.minor !== b.minor)
        return a.minor - b.minor;
    if (a.patch !== b.patch)
        return a.patch - b.patch;
    if (!a.pre && !b.pre)
        return 0;
    if (!a.pre)
        return 1;
    if (!b.pre)
        return -1;
    if (a.pre[0] !== b.pre[0])
        return a.pre[0] < b.pre[0] ? -1 : 1;
    return a.pre[1] - b.pre[1];
}
/** True when `v` is known and older than `than`. Unknown versions are treated as the newest. */
function isBefore(v, than) {
    if (!v)
        return false;
    return compareVersions(v, parseVersion(than)) < 0;
}
function isAtLeast(v, than) {
    if (!v)
        return true;
    return compareVersions(v, parseVersion(than)) >= 0;
}
/** In the 1.4.0-beta1\u2026beta14 window, which still had pre-1.3.31 defaults. */
function inOldBetaWindow(v) {
    return !!v && v.major === 1 && v.minor === 4 && v.patch === 0 && !!v.pre && v.pre[0] === 'beta' && v.pre[1] <= 14;
}
/** Charts before 1.3.31 (and 1.4.0-beta1\u202614) added NET_BIND_SERVICE and ran without runUnprivileged by default. */
function hasOldSecurityDefaults(v) {
    return isBefore(v, '1.3.31') || inOldBetaWindow(v);
}
/**
 * True when a chart of version `v` has a feature the catalog dates as `a/b/c`: the first version in each release
 * line (`1.12.43/1.13.5/1.14.0-beta7`). Its own line decides when listed; lines newer than every listed one have
 * it, older ones lack it, and an unlisted line between listed ones is taken to have it. Unknown versions are the
 * newest.
 */
function version_hasSince(v, since) {
    if (!v)
        return true;
    const { firsts, oldest } = sinceOf(since);
    const line = firsts.find((f) => f.major === v.major && f.minor === v.minor);
    if (line)
        return compareVersions(v, line) >= 0;
    return v.major * 1000 + v.minor > oldest;
}
/** A catalog date split into its release lines, and its oldest line as `major * 1000 + minor` (once per date). */
function sinceOf(since) {
    let s = sinces.get(since);
    if (!s) {
        const firsts = since.split('/').map((x) => parseVersion(x));
        sinces.set(since, (s = { firsts, oldest: Math.min(...firsts.map((f) => f.major * 1000 + f.minor)) }));
    }
    return s;
}
// Rules ask with the same few dozen constant dates, for every proxy and key.
const sinces = new Map();
/**
 * How a message names the chart a version-dependent verdict is about: `chart 1.17.3` when the version is known;
 * otherwise the chart assumed (catalog section 1.4: the newest defaults), in the words fix condition F1 uses
 * (`assuming chart \u2265 1.14.0-beta11; the chart version is unknown`), where `since` is the boundary the verdict
 * assumes (`a/b/c` as the catalog writes it).
 */
function chartNamed(v, since) {
    return v ? `chart ${v.raw}` : `the chart (assuming chart \u2265 ${since}; the chart version is unknown)`;
}
/**
 * The parenthesis a version-dependent message ends its verdict with: ` (chart 1.17.3)` when the version is known,
 * ` (assuming chart \u2265 X; the chart version is unknown)` when it is not (see `chartNamed`).
 */
function versionNote(v, since) {
    return v ? ` (chart ${v.raw})` : ` (assuming chart \u2265 ${since}; the chart version is unknown)`;
}
/**
 * `text` followed by a `versionNote`, sharing one parenthesis when `text` already ends in one:
 * `not set (chart default false)` + ` (chart 1.3.6)` \u2192 `not set (chart default false; chart 1.3.6)`.
 */
function withNote(text, note) {
    return text.endsWith(')') && note.startsWith(' (') ? `${text.slice(0, -1)}; ${note.slice(2)}` : text + note;
}

;// CONCATENATED MODULE: ./src/gloo/values.ts





const isNullScalar = (n) => n.kind === 'scalar' && n.style === 'plain' && !n.tag && (n.empty || ['~', 'null', 'Null', 'NULL'].includes(n.value));
/** Where a walk stopped in a layer: at a map to go on from, at nothing (the layer does not set the key), or blocked. */
const BLOCKED = 'blocked';
/**
 * The value at `path[from..to)` of each layer (`to`: the path's end), merged as Helm coalesces values: the highest
 * layer that sets the key wins; a map merges key by key with lower layers; a scalar or list on the way replaces what
 * lower layers have below it; a `null` deletes the key (it is returned, as the deciding node, with `deleted`). Each
 * layer's walk starts at `starts[i]` (what the walk of `path[0..from)` reached in layer i: a node, null for a layer
 * without it (or past the end of `starts`), or BLOCKED: a scalar on the way there decides). The result is made as a
 * proxy's own value (`inherited: false`): proxyValue hands it on as it is.
 */
function coalescedFrom(layers, starts, path, from, to = path.length) {
    for (let l = 0; l < layers.length; l++) {
        const s = l < starts.length ? starts[l] : null;
        if (s === BLOCKED)
            return null;
        let node = s;
        let pair;
        let blocked = false;
        for (let i = from; i < to && node; i++) {
            pair = query_findPair(node, path[i]);
            node = pair ? deref(pair.value) : null;
            if (node && i < to - 1 && node.kind !== 'map') {
                // A scalar (or null) on the way replaces, or deletes, everything lower layers have below it.
                blocked = true;
                break;
            }
        }
        if (blocked)
            return null;
        if (node)
            return isNullScalar(node) ? { node, pair, layer: layers[l], deleted: true, inherited: false } : { node, pair, layer: layers[l], inherited: false };
    }
    return null;
}
const layerStarts = memoKind('layer starts');
const makeStarts = (v) => ({
    root: v.layers.map((l) => l.root),
    oss: v.layers.map((l) => getNode(l.root, l.ossPath)),
    proxies: new Map()
});
const startsOf = (v) => memo(v, layerStarts, makeStarts);
function proxyStart(v, proxy) {
    const all = startsOf(v);
    let starts = all.proxies.get(proxy);
    if (!starts) {
        starts = [];
        for (const root of all.oss) {
            let node = root;
            for (const key of ['gatewayProxies', proxy]) {
                const pair = node ? query_findPair(node, key) : undefined;
                node = pair ? deref(pair.value) : null;
                if (node && node.kind !== 'map')
                    break;
            }
            // A non-map on the way stops a walk to any key below it, in this layer and the lower ones (coalesced).
            if (node && node.kind !== 'map') {
                starts.push(BLOCKED);
                break;
            }
            starts.push(node);
        }
        all.proxies.set(proxy, starts);
    }
    return starts;
}
/** The value at an OSS key path, as the layers merge (a key below a proxy starts from its remembered place). */
function lookup(v, path) {
    if (path.length > 2 && path[0] === 'gatewayProxies')
        return coalescedFrom(v.layers, proxyStart(v, path[1]), path, 2);
    return coalescedFrom(v.layers, startsOf(v).oss, path, 0);
}
/**
 * `getValueOrNull(v, ['gatewayProxies', proxy, ...path.slice(0, length)])` without making that array (rules ask for
 * proxies' keys often): a proxy's own value, not inherited.
 */
function proxyLookup(v, proxy, path, length = path.length) {
    return length ? coalescedFrom(v.layers, proxyStart(v, proxy), path, 0, length) : lookup(v, ['gatewayProxies', proxy]);
}
/** The value at an OSS chart key path (`['gateway','validation','enabled']`), as the layers merge. */
function values_getValue(v, path) {
    const found = lookup(v, path);
    return found && !found.deleted ? found : null;
}
/** Like getValue, but a key deleted by a `null` is returned too (with `deleted`): the null decides. */
function getValueOrNull(v, path) {
    return lookup(v, path);
}
/** The value at a `global.*` path (global stays at the values root, even in gloo-ee). */
function getGlobal(v, path) {
    // Rules ask for the same globals for every proxy of an install: each is looked up once, found again segment by
    // segment (no key string made per call).
    let at = perValues(globals, v, newGlobal);
    for (const seg of path) {
        const below = (at.below ??= new Map());
        let next = below.get(seg);
        if (!next)
            below.set(seg, (next = {}));
        at = next;
    }
    if (at.found === undefined) {
        // Helm's globals sit at the root of the values, whatever the prefix of the chart's own keys.
        const found = coalescedFrom(v.layers, startsOf(v).root, ['global', ...path], 0);
        at.found = found && !found.deleted ? found : null;
    }
    return at.found;
}
const globals = memoKind('globals');
const newGlobal = () => ({});
/**
 * What an install's rules all ask of its effective values, worked out once per values (they do not change while
 * the rules run; a rule that makes other values, such as `globalValues`, gets its own). Kept on the values
 * (`memo`): they die together.
 */
function perValues(kind, v, make) {
    return memo(v, kind, make);
}
/** The same per values and proxy (an install's proxies are worked out once: `valuesProxies`). */
function perProxy(kind, v, proxy, make) {
    const byProxy = memo(v, kind, (newMap));
    if (byProxy.has(proxy))
        return byProxy.get(proxy);
    const out = make(v, proxy);
    byProxy.set(proxy, out);
    return out;
}
/** The layer new keys go into: the highest-precedence layer that is a file's map (not built from parameters). */
function values_writableLayer(v) {
    if (v.fixTarget) {
        const t = v.layers.find((l) => l.file.path === v.fixTarget && !l.synthetic);
        if (t)
            return t;
    }
    return v.layers.find((l) => !l.synthetic);
}
/**
 * The node a finding about `path` points at: the value when present (or the `null` that deleted it), otherwise
 * the nearest existing ancestor in the layer a fix would write to (or the start of that layer, or the
 * descriptor when there is no writable layer).
 */
function locate(v, path) {
    const found = getValueOrNull(v, path);
    if (found)
        return found.node;
    const layer = values_writableLayer(v);
    if (layer) {
        const d = deepestExisting(layer.root, [...layer.ossPath, ...path]);
        if (d.depth > 0 && d.pair)
            return d.pair.key;
        return keyNodeOf(layer.root) ?? layer.root;
    }
    return v.anchor.kind === 'map' ? keyNodeOf(v.anchor) ?? v.anchor : v.anchor;
}
/** For a map that is a pair's value, the pair's key (nicer to point at than a whole map). */
function keyNodeOf(node) {
    const p = node.parent;
    if (p && p.kind === 'map') {
        const pair = p.pairs.find((x) => x.value === node);
        if (pair)
            return pair.key;
    }
    return null;
}
/** The node an insertion at `path` would land in (to know whether new text goes into a flow collection). */
function insertionSite(v, path) {
    const found = values_getValue(v, path);
    if (found)
        return found.node;
    const layer = values_writableLayer(v);
    return layer ? deepestExisting(layer.root, [...layer.ossPath, ...path]).node : null;
}
/** Truthy as a Helm template `if` reads it: not absent, null, false, 0, "" or an empty map or list. */
function helmTruthy(found) {
    const n = deref(found?.node);
    if (!n)
        return false;
    if (n.kind === 'map')
        return mapEntries(n).length > 0;
    if (n.kind === 'seq')
        return seqItems(n).length > 0;
    const value = scalarValue(n);
    // `--set` parameters hold strings: `readConfig=false` is the boolean there.
    if (found?.layer.synthetic && value === 'false')
        return false;
    return value !== null && value !== false && value !== 0 && value !== '';
}
/** The printable key path a user writes: `gloo.gateway.validation.enabled` in an enterprise file. */
function keyPath(v, path) {
    return v.prefix + path.join('.');
}
/**
 * A fix setting an OSS chart key path to `value`: replaces the value where it is set (the deciding layer), or
 * inserts the missing path into the layer fixes write to (`locate` points there). Null when no safe edit
 * exists (no writable layer: `--fix` creates no file). A new key goes where the chart's values.yaml would have it
 * when the map it joins already follows that order (`chartKeyOrder`), else at the map's end.
 */
function values_setValueFix(v, path, value) {
    const found = getValueOrNull(v, path);
    if (found) {
        if (found.layer.synthetic) {
            if (found.node.kind !== 'scalar' || typeof value !== 'string')
                return null;
            // Parameters hold strings: keep them quoted.
            const text = /^".*"$/.test(value) ? value : JSON.stringify(value);
            // replaceScalar: an empty `value:` needs a space after its colon.
            return [replaceScalar(found.node, text)];
        }
        return setPath(found.layer.file.edit, found.layer.root, [...found.layer.ossPath, ...path], value, chartKeyOrder());
    }
    const layer = values_writableLayer(v);
    if (!layer) {
        // A wrapper without inline values gets them in its own file: `spec.values`, `helm.valuesObject`.
        const ossPath = v.chart === 'gloo-ee' ? ['gloo'] : [];
        const src = v.wrapper?.file.edit;
        if (v.wrapper?.kind === 'HelmRelease')
            return setPath(src, getNode(v.wrapper.root, ['spec']), ['values', ...ossPath, ...path], value, chartKeyOrder(1));
        if (v.wrapper?.kind === 'Application' && v.anchor.kind === 'map') {
            // The anchor is `source.helm` when it exists, else the `source` itself (then `helm:` is created too).
            const home = query_findPair(v.anchor, 'chart') || query_findPair(v.anchor, 'path') ? ['helm', 'valuesObject'] : ['valuesObject'];
            return setPath(src, v.anchor, [...home, ...ossPath, ...path], value, chartKeyOrder(home.length));
        }
        return null;
    }
    if (layer.appendAt)
        return [appendTopLevel(layer.file.edit, [...layer.ossPath, ...path], value, layer.appendAt)];
    if (layer.emptyFile)
        return [appendTopLevel(layer.file.edit, [...layer.ossPath, ...path], value)];
    return setPath(layer.file.edit, layer.root, [...layer.ossPath, ...path], value, chartKeyOrder());
}
/**
 * Sets an install's chart version from the first source that has one (catalog section 1.4): the config install's
 * `version`, the `gloo-version` option, the descriptor's, then the image tags of the effective values.
 */
function settleVersion(v, glooVersion, planned) {
    const all = [];
    if (planned && planned.source.startsWith('the config'))
        all.push([planned.source, planned.raw]);
    all.push(['the gloo-version option', glooVersion]);
    if (planned && !planned.source.startsWith('the config'))
        all.push([planned.source, planned.raw]);
    if (v.declaredVersion)
        all.push([v.declaredVersion.source, v.declaredVersion.raw]);
    const tag = (path, global = false) => {
        const found = global ? getGlobal(v, path) : values_getValue(v, path);
        return found ? asString(found.node) : undefined;
    };
    all.push(['the image tag', tag(['gatewayProxies', 'gatewayProxy', 'podTemplate', 'image', 'tag'])]);
    all.push(['the image tag', tag(['gloo', 'deployment', 'image', 'tag'])]);
    all.push(['the image tag', tag(['image', 'tag'], true)]);
    for (const [source, raw] of all) {
        const parsed = parseVersion(raw);
        if (parsed) {
            v.chartVersion = parsed;
            v.versionSource = source;
            return;
        }
    }
}
/**
 * A proxy's name from its values key, as sprig `kebabcase` makes it (1.22.1 T7:40; catalog section 1.3): a word
 * starts at each upper-case letter after a lower-case one or a digit, and before the last capital of an acronym
 * followed by a lower-case letter; `_` separates words. `GWProxy` \u2192 `gw-proxy`, `publicGw` \u2192 `public-gw`.
 */
const kebab = (key) => {
    // A camelCase key (ASCII letters, digits, `.` and `-`, no two capitals in a row) in one pass: a dash before each
    // capital that follows a lower-case letter or a digit. Every proxy of an install asks, once.
    let out = '';
    let prev = 0;
    for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        const upper = c >= 65 && c <= 90;
        if (upper) {
            if (prev >= 65 && prev <= 90)
                return kebabOf(key);
            out += (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57) ? `-${String.fromCharCode(c + 32)}` : String.fromCharCode(c + 32);
        }
        else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46)
            out += key[i];
        else
            return kebabOf(key);
        prev = c;
    }
    return out;
};
/** sprig `kebabcase` as written (acronyms, `_`, blanks, other characters). */
const kebabOf = (key) => key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
/** Per effective values (an install's rules all ask): its proxies, worked out once. */
const proxiesOf = memoKind('proxies');
/** Every enabled gateway proxy of the values (the default proxy exists even when not written). */
function valuesProxies(v) {
    return perValues(proxiesOf, v, computeValuesProxies);
}
function computeValuesProxies(v) {
    const keys = new Set(['gatewayProxy']);
    for (const layer of v.layers)
        for (const p of mapEntries(getNode(layer.root, [...layer.ossPath, 'gatewayProxies'])))
            keys.add(keyOf(p));
    const out = [];
    // Custom proxies are merged over gatewayProxy from 1.7.0-beta21 (catalog 4.2).
    const newInheritance = !isBefore(v.chartVersion, '1.7.0-beta21');
    for (const key of keys) {
        const isDefault = key === 'gatewayProxy';
        const proxy = { key, name: kebab(key), isDefault, inherits: !isDefault && newInheritance };
        if (isDisabled(v, proxy))
            continue;
        // Before 1.3.15 a zero renders `replicas: 0`: that proxy runs no pod. From 1.3.15 a zero is dropped (one pod).
        if (isBefore(v.chartVersion, '1.3.15') && asNumber(proxyValue(v, proxy, ['kind', 'deployment', 'replicas'])?.node) === 0)
            continue;
        out.push(proxy);
    }
    return out;
}
/**
 * `disabled: true` turns a proxy's workload off from 1.4.7/1.5.0-beta13 (catalog 4.2); `gatewayProxy.disabled` is
 * inherited, and from 1.7.0-beta21 until 1.7.1/1.8.0-beta3 (`merge`) a custom `false` cannot override it.
 */
function isDisabled(v, proxy) {
    if (!version_hasSince(v.chartVersion, '1.4.7/1.5.0-beta13'))
        return false;
    if (isTrue(proxyValue(v, proxy, ['disabled'])?.node))
        return true;
    return proxy.inherits && !version_hasSince(v.chartVersion, '1.7.1/1.8.0-beta3') && isTrue(values_getValue(v, ['gatewayProxies', 'gatewayProxy', 'disabled'])?.node);
}
/** The proxies the chart renders: none when `gateway.enabled: false` (the proxy templates are skipped). */
function renderedValuesProxies(v) {
    // Every proxy rule asks first: worked out once per values.
    return perValues(renderedOf, v, computeRendered);
}
const renderedOf = memoKind('rendered proxies');
const computeRendered = (v) => (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node) ? [] : valuesProxies(v));
/** A proxy's value at `path` under `gatewayProxies.<key>`, with inheritance from the default proxy. */
function proxyValue(v, proxy, path) {
    const own = proxyLookup(v, proxy.key, path);
    if (own && !own.deleted)
        return withInherited(own, false);
    if (!proxy.inherits)
        return null;
    // A custom `null` deletes the inherited value from 1.7.1/1.8.0-beta3 (`mergeOverwrite`); 1.7.0's `merge` refills it.
    if (own?.deleted && version_hasSince(v.chartVersion, '1.7.1/1.8.0-beta3'))
        return null;
    const base = proxyLookup(v, 'gatewayProxy', path);
    return base && !base.deleted ? withInherited(base, true) : null;
}
/** A found value as a proxy's (built field by field: rules ask for proxies' values many times over). */
function withInherited(found, inherited) {
    if (found.inherited === inherited)
        return found;
    const out = { node: found.node, layer: found.layer, inherited };
    if (found.pair !== undefined)
        out.pair = found.pair;
    if (found.deleted !== undefined)
        out.deleted = found.deleted;
    return out;
}
const values_proxyPath = (proxy, path) => ['gatewayProxies', proxy.key, ...path];
/** Istio integration in values (exempts proxy-token-automount). */
function valuesIstio(v) {
    if (isTrue(getGlobal(v, ['istioSDS', 'enabled'])?.node))
        return 'global.istioSDS.enabled is true';
    if (isTrue(getGlobal(v, ['istioIntegration', 'enabled'])?.node))
        return 'global.istioIntegration.enabled is true';
    if (isTrue(getGlobal(v, ['istioIntegration', 'enableIstioSidecarOnGateway'])?.node))
        return 'global.istioIntegration.enableIstioSidecarOnGateway is true';
    return undefined;
}
// ---------------------------------------------------------------------------------------------------------
// Gateway proxies in rendered output
const NOT_PROXY = new Set(['kube-gateway', 'ingress-proxy', 'clusteringress-proxy', 'knative-external-proxy', 'knative-internal-proxy', 'gloo', 'discovery', 'gateway']);
const ENVOY_IMAGE = /gloo[^/]*-envoy-wrapper|\/gloo-ee-envoy-wrapper|gloo-envoy-wrapper/;
function podSpecOf(obj) {
    const n = getNode(obj.root, ['spec', 'template', 'spec']);
    return n && n.kind === 'map' ? n : null;
}
/** The rendered proxy when `obj` is a gateway-proxy Deployment or DaemonSet, else null. */
function renderedProxy(obj) {
    if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet')
        return null;
    const podSpec = podSpecOf(obj);
    const containers = seqItems(getNode(podSpec, ['containers'])).filter((c) => c.kind === 'map');
    const tplLabels = mapEntries(getNode(obj.root, ['spec', 'template', 'metadata', 'labels']));
    const label = obj.labels['gloo'] ?? asString(tplLabels.find((p) => keyOf(p) === 'gloo')?.value);
    if (label && NOT_PROXY.has(label))
        return null;
    const byLabel = label === 'gateway-proxy' || 'gateway-proxy-id' in obj.labels || tplLabels.some((p) => keyOf(p) === 'gateway-proxy-id');
    const byImage = containers.some((c) => ENVOY_IMAGE.test(str(c, ['image']) ?? ''));
    if (!byLabel && !byImage)
        return null;
    const container = containers.find((c) => ENVOY_IMAGE.test(str(c, ['image']) ?? '')) ??
        containers.find((c) => str(c, ['name']) === obj.name) ??
        containers.find((c) => !['istio-proxy', 'sds'].includes(str(c, ['name']) ?? '')) ??
        null;
    return { obj, name: obj.name, daemonSet: obj.kind === 'DaemonSet', podSpec, container, containers };
}
function proxyFact(p) {
    const labels = new Map();
    for (const pair of mapEntries(getNode(p.obj.root, ['spec', 'template', 'metadata', 'labels'])))
        labels.set(keyOf(pair), asString(pair.value) ?? '');
    const fact = {
        name: p.name,
        daemonSet: p.daemonSet,
        replicas: renderedReplicas(p),
        labels,
        serviceAccount: proxyServiceAccount(p),
        podAutomountOff: isFalse(getNode(p.podSpec, ['automountServiceAccountToken']))
    };
    if (p.obj.namespace !== undefined)
        fact.namespace = p.obj.namespace;
    const istio = renderedIstio(p);
    if (istio !== undefined)
        fact.istio = istio;
    return fact;
}
/** `spec.replicas` of a rendered Deployment (Kubernetes default 1). */
const renderedReplicas = (p) => asNumber(getNode(p.obj.root, ['spec', 'replicas'])) ?? 1;
/** The ServiceAccount a rendered proxy's pods run as: `serviceAccountName`, else `serviceAccount`, else `default`. */
const proxyServiceAccount = (p) => str(p.podSpec, ['serviceAccountName']) ?? str(p.podSpec, ['serviceAccount']) ?? 'default';
const ENVOY_IMAGE_TAG = /gloo[^/]*-envoy-wrapper[^:@]*:([^@\s]+)/;
/** The chart version of a rendered proxy, from its envoy-wrapper image tag (catalog 1.4); undefined when unknown. */
function imageVersion(container) {
    const m = ENVOY_IMAGE_TAG.exec(str(container, ['image']) ?? '');
    return m ? parseVersion(m[1].replace(/^v/, '')) : undefined;
}
/** Istio integration in a rendered proxy: an istio-proxy container, ISTIO_MTLS_SDS_ENABLED, an istio-token volume. */
function renderedIstio(p) {
    for (const c of p.containers) {
        if (str(c, ['name']) === 'istio-proxy')
            return 'the pod runs an istio-proxy container';
        for (const env of seqItems(getNode(c, ['env'])))
            if (str(env, ['name']) === 'ISTIO_MTLS_SDS_ENABLED' && String(scalarValue(getNode(env, ['value']))) === 'true')
                return 'ISTIO_MTLS_SDS_ENABLED is "true"';
    }
    for (const vol of seqItems(getNode(p.podSpec, ['volumes'])))
        if (str(vol, ['name']) === 'istio-token')
            return 'the pod mounts an istio-token volume';
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/types.ts
const defineRule = (rule) => rule;
/**
 * A fix the catalog calls safe only under a condition (`safe if complete \u2026`): applied when it holds, else offered
 * as a suggestion under `messageId`.
 */
function safeIf(condition, edits, messageId) {
    if (!edits?.length)
        return {};
    return condition ? { fix: edits } : { suggest: [{ messageId, edits }] };
}
/** Whether a rule runs under a config: the config's setting, else the rule's default. */
function isEnabled(rule, rules) {
    const setting = rules[rule.meta.id];
    return setting === undefined ? !rule.meta.defaultOff : setting !== 'off';
}
/**
 * Interpolates `{{name}}` placeholders (a missing value leaves its placeholder as written). Each template is
 * split into its literal text and placeholders once: every finding formats a message.
 */
function formatMessage(template, data = {}) {
    let parts = templates.get(template);
    if (!parts) {
        parts = template.split(PLACEHOLDER);
        if (templates.size >= 10_000)
            templates.clear();
        templates.set(template, parts);
    }
    // parts: literal, placeholder as written, name, literal, placeholder as written, name, \u2026, literal.
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 3) {
        const value = data[parts[i + 1]];
        out += (value !== undefined ? String(value) : parts[i]) + parts[i + 2];
    }
    return out;
}
const PLACEHOLDER = /(\{\{\s*(\w+)\s*\}\})/;
const templates = new Map();

;// CONCATENATED MODULE: ./src/rules/control-plane-leader-election.ts
/** Several gloo control-plane replicas need leader election, or they all write statuses and proxies at once. */





const REPLICAS = ['gloo', 'deployment', 'replicas'];
const DISABLE = ['gloo', 'disableLeaderElection'];
/** First charts that render `gloo.disableLeaderElection` as env DISABLE_LEADER_ELECTION (catalog 4.2, 4.3). */
const DISABLE_SINCE = '1.12.32/1.13.0-beta25';
/** Leader election for gloo arrived in 1.12.6 and 1.13.0-beta6 (1.13.0-beta1\u20265 lack it). */
function lacksLeaderElection(v) {
    if (!v)
        return false;
    if (v.major === 1 && v.minor === 13 && v.patch === 0 && v.pre)
        return isBefore(v, '1.13.0-beta6');
    return isBefore(v, '1.12.6');
}
/** The tag of `\u2026/gloo:1.11.2` or `\u2026/gloo-ee:1.11.2@sha256:\u2026`. */
function control_plane_leader_election_imageVersion(image) {
    const m = image ? /:([^:@/]+)(?:@|$)/.exec(image) : null;
    return m ? parseVersion(m[1]) : undefined;
}
/* harmony default export */ const control_plane_leader_election = (defineRule({
    meta: {
        id: 'control-plane-leader-election',
        category: 'control-plane',
        severity: 'error',
        kinds: ['values', 'apps/v1/Deployment'],
        fixable: true,
        description: 'More than one gloo control-plane replica needs leader election.',
        remediation: 'Set gloo.disableLeaderElection: false (or remove it) when gloo.deployment.replicas is above 1; on charts before 1.12.6 run a single gloo replica or upgrade.',
        messages: {
            disabled: '{{key}} is true while {{replicasKey}} is {{replicas}}{{chart}}: every gloo replica acts as leader, and they overwrite each other\'s resource statuses and Proxy writes.',
            noLeaderElection: '{{replicasKey}} is {{replicas}}, but chart {{version}} has no leader election for gloo (it came in 1.12.6 and 1.13.0-beta6): the replicas overwrite each other\'s resource statuses and Proxy writes.',
            renderedDisabled: "Deployment '{{name}}' runs {{replicas}} gloo replicas with DISABLE_LEADER_ELECTION \"true\": every replica acts as leader, and they overwrite each other's resource statuses and Proxy writes.",
            renderedNoLeaderElection: "Deployment '{{name}}' runs {{replicas}} replicas of gloo {{version}}, which has no leader election (it came in 1.12.6 and 1.13.0-beta6): the replicas overwrite each other's resource statuses and Proxy writes."
        }
    },
    *checkValues(v) {
        const replicasFound = values_getValue(v, REPLICAS);
        const replicas = asNumber(replicasFound?.node);
        if (!replicasFound || replicas === undefined || replicas <= 1)
            return;
        const data = { replicasKey: keyPath(v, REPLICAS), replicas, key: keyPath(v, DISABLE), version: v.chartVersion?.raw };
        if (lacksLeaderElection(v.chartVersion)) {
            yield { messageId: 'noLeaderElection', severity: 'warning', node: replicasFound.node, data };
            return;
        }
        const disable = values_getValue(v, DISABLE);
        if (!disable || !isTrue(disable.node))
            return;
        // Older charts ignore the key (values-key-unsupported-version reports it): leader election stays on.
        if (!version_hasSince(v.chartVersion, DISABLE_SINCE))
            return;
        yield { messageId: 'disabled', node: disable.node, data: { ...data, chart: versionNote(v.chartVersion, DISABLE_SINCE) }, fix: values_setValueFix(v, DISABLE, 'false') };
    },
    *checkObject(obj) {
        if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'gloo')
            return;
        const replicasNode = getNode(obj.root, ['spec', 'replicas']);
        const replicas = asNumber(replicasNode);
        if (!replicasNode || replicas === undefined || replicas <= 1)
            return;
        const containers = seqItems(getNode(obj.root, ['spec', 'template', 'spec', 'containers'])).filter(isMap);
        const gloo = containers.find((c) => str(c, ['name']) === 'gloo') ?? containers[0];
        const version = control_plane_leader_election_imageVersion(str(gloo, ['image']));
        if (lacksLeaderElection(version)) {
            yield { messageId: 'renderedNoLeaderElection', severity: 'warning', node: replicasNode, data: { name: obj.name, replicas, version: version?.raw } };
            return;
        }
        for (const env of seqItems(getNode(gloo, ['env']))) {
            if (str(env, ['name']) !== 'DISABLE_LEADER_ELECTION')
                continue;
            const value = getNode(env, ['value']);
            if (!isScalar(value) || !isTrue(value))
                continue;
            // Keep the quoting style: env values must stay strings.
            const text = value.style === 'single' ? "'false'" : '"false"';
            yield { messageId: 'renderedDisabled', node: value, data: { name: obj.name, replicas }, fix: [replaceScalar(value, text)] };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/control-plane-xds-mtls.ts
/** Gloo should serve the gateway proxies' configuration (xDS) over mutual TLS. */




const PATH = ['global', 'glooMtls', 'enabled'];
/** First chart that reads `global.glooMtls.enabled` (catalog section 4.3). */
const SINCE = '1.3.6';
/**
 * The values seen from their root: Helm's globals stay at the root of every layer, also in gloo-ee and in an
 * umbrella chart, so `global.*` is looked up, located and fixed as a chart key at the root.
 */
function fromRoot(v) {
    return { ...v, chart: 'gloo', prefix: '', layers: v.layers.map((l) => ({ ...l, ossPath: [] })) };
}
/* harmony default export */ const control_plane_xds_mtls = (defineRule({
    meta: {
        id: 'control-plane-xds-mtls',
        category: 'security',
        severity: 'notice',
        kinds: ['values'],
        fixable: false,
        description: 'Gloo should serve xDS to the gateway proxies over mutual TLS.',
        remediation: 'Set global.glooMtls.enabled: true (chart 1.3.6 and later), which adds sds sidecars and a certificate Job.',
        messages: {
            values: "{{key}} is {{state}}: Gloo sends the gateway proxies their configuration (xDS, port 9977), TLS private keys included, in plaintext, and neither side authenticates the other.",
            enable: 'Set {{key}}: true (this adds an sds sidecar to gloo and to every gateway proxy, and a Job that issues the certificates).'
        }
    },
    *checkValues(v) {
        if (!isAtLeast(v.chartVersion, SINCE))
            return;
        // The chart's mTLS secures gloo and the gateway proxies; without a gateway proxy it changes nothing.
        if (renderedValuesProxies(v).length === 0)
            return;
        const root = fromRoot(v);
        const found = values_getValue(root, PATH);
        if (isTrue(found?.node))
            return;
        const edits = values_setValueFix(root, PATH, 'true');
        const state = found && found.node.kind === 'scalar' && !found.node.empty ? found.node.value : 'not set (chart default false)';
        yield {
            messageId: 'values',
            node: locate(root, PATH),
            // The verdict rests on a chart that reads the key (1.3.6, catalog 4.3).
            data: { key: keyPath(root, PATH), state: withNote(state, versionNote(v.chartVersion, SINCE)) },
            suggest: edits?.length ? [{ messageId: 'enable', edits }] : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/gloo/facts.ts

/** A project with no facts: what a file that belongs to no install is checked with. */
function emptyProject() {
    return {
        objects: [],
        discoveredRefs: [],
        kubeDestinations: [],
        kubeDestinationsDisabled: [],
        kubeUpstreams: [],
        upstreamNames: new Set(),
        serviceAccounts: new Set(),
        settings: 0,
        proxies: [],
        proxiesByServiceAccount: new Map(),
        knative: false
    };
}
/** The facts of several files (or installs) together, in the order given. */
function facts_mergeProjects(parts) {
    const p = emptyProject();
    const values = [];
    // Appended one by one: a file may hold more objects or routes than a call takes arguments.
    const append = (to, items) => {
        for (const x of items)
            to.push(x);
    };
    for (const q of parts) {
        append(p.objects, q.objects);
        append(p.discoveredRefs, q.discoveredRefs);
        append(p.kubeDestinations, q.kubeDestinations);
        for (const d of q.kubeDestinationsDisabled)
            (d.byValues ? values : p.kubeDestinationsDisabled).push(d);
        append(p.kubeUpstreams, q.kubeUpstreams);
        for (const n of q.upstreamNames)
            p.upstreamNames.add(n);
        for (const name of q.serviceAccounts)
            p.serviceAccounts.add(name);
        p.settings += q.settings;
        append(p.proxies, q.proxies);
        for (const [k, list] of q.proxiesByServiceAccount) {
            // The merged project's lists are its own copies: appended to, not copied again per part.
            const have = p.proxiesByServiceAccount.get(k);
            if (have)
                append(have, list);
            else
                p.proxiesByServiceAccount.set(k, [...list]);
        }
        if (q.knative)
            p.knative = true;
        if (q.gatewayDisabled !== undefined)
            p.gatewayDisabled ??= q.gatewayDisabled;
    }
    // Objects' entries come before values' entries (messages name the first one).
    append(p.kubeDestinationsDisabled, values);
    return p;
}
const indexes = memoKind('project indexes');
/**
 * Computes a project-wide index once per run (rules are called per object; an index rebuilt per call would make
 * cross-document rules quadratic in the number of objects).
 */
function perProject(project, key, compute) {
    const m = memo(project, indexes, (newMap));
    if (!m.has(key))
        m.set(key, compute(project));
    return m.get(key);
}

;// CONCATENATED MODULE: ./src/gloo/routes.ts

/**
 * The maps that hold a route's destination (`routeAction.single`, each `multi.destinations[].destination`, TCP
 * hosts' `destination.single` \u2026) of a VirtualService, RouteTable, UpstreamGroup, Gateway or MatchableTcpGateway,
 * per catalog section 3. The one walker of route objects: Kubernetes destinations and Upstream references both
 * read these holders.
 */
function destinationHolders(obj) {
    const spec = getNode(obj.root, ['spec']);
    const holders = [];
    const routeList = (routes) => {
        for (const r of seqItems(routes)) {
            const ra = getNode(r, ['routeAction']);
            if (!ra)
                continue;
            const single = getNode(ra, ['single']);
            if (single)
                holders.push(single);
            for (const d of seqItems(getNode(ra, ['multi', 'destinations']))) {
                const dest = getNode(d, ['destination']);
                if (dest)
                    holders.push(dest);
            }
        }
    };
    const tcp = (gw) => {
        for (const h of seqItems(getNode(gw, ['tcpHosts']))) {
            const single = getNode(h, ['destination', 'single']);
            if (single)
                holders.push(single);
            for (const d of seqItems(getNode(h, ['destination', 'multi', 'destinations']))) {
                const dest = getNode(d, ['destination']);
                if (dest)
                    holders.push(dest);
            }
        }
    };
    switch (obj.kind) {
        case 'VirtualService':
            routeList(getNode(spec, ['virtualHost', 'routes']));
            break;
        case 'RouteTable':
            routeList(getNode(spec, ['routes']));
            break;
        case 'UpstreamGroup':
            for (const d of seqItems(getNode(spec, ['destinations']))) {
                const dest = getNode(d, ['destination']);
                if (dest)
                    holders.push(dest);
            }
            break;
        case 'Gateway':
        case 'MatchableTcpGateway':
            tcp(getNode(spec, ['tcpGateway']));
            for (const m of seqItems(getNode(spec, ['hybridGateway', 'matchedGateways'])))
                tcp(getNode(m, ['tcpGateway']));
            break;
    }
    return holders;
}

;// CONCATENATED MODULE: ./src/gloo/upstream-refs.ts



const ROUTE_APIS = /^(gateway|gloo)\.solo\.io\//;
/**
 * Upstream discovery names a Kubernetes service's Upstream `<namespace>-<service>-<port>` (DNS labels, so
 * lower-case; e.g. `default-petstore-8080`). A name of that shape is only a guess: one defined in the repo is
 * static, and `kube-svc:` in-memory upstreams are Kubernetes destinations, not discovery.
 */
const DISCOVERED_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-\d{1,5}$/;
const looksDiscovered = (name) => DISCOVERED_NAME.test(name);
/** Every `upstream: {name, namespace}` a route object routes to (the holders of `destinationHolders`). */
function upstreamRefs(obj) {
    if (!ROUTE_APIS.test(obj.apiVersion))
        return [];
    const holders = destinationHolders(obj);
    const out = [];
    for (const h of holders) {
        const node = getNode(h, ['upstream', 'name']);
        if (!isScalar(node) || !node.value)
            continue;
        out.push({ obj, node, name: node.value, namespace: str(h, ['upstream', 'namespace']) });
    }
    return out;
}
/** References to discovered-looking Upstreams that no file of the run defines (they exist only while discovery runs). */
function undefinedDiscoveredRefs(project) {
    return perProject(project, 'undefinedDiscoveredRefs', computeUndefinedDiscoveredRefs);
}
// By name alone: an Upstream of that name anywhere in the install is taken as the static replacement.
const computeUndefinedDiscoveredRefs = (project) => project.discoveredRefs.filter((r) => !project.upstreamNames.has(r.name));
/** `default-petstore-8080 (routes/vs.yaml:14), \u2026` \u2014 at most `max` listed, then how many more. */
function describeRefs(refs, max = 3) {
    const shown = refs.slice(0, max).map((r) => `${r.name} (${r.path}:${r.line})`);
    if (refs.length > max)
        shown.push(`${refs.length - max} more`);
    return shown.join(', ');
}

;// CONCATENATED MODULE: ./src/rules/discovery-enabled.ts
/** Upstream discovery watches every Service and writes an Upstream for each: turn it off and declare Upstreams. */





const discovery_enabled_PATH = ['discovery', 'enabled'];
/** Discovery was on by default until chart 1.20.0-beta3. */
const DEFAULT_OFF_SINCE = '1.20.0-beta3';
/* harmony default export */ const discovery_enabled = (defineRule({
    meta: {
        id: 'discovery-enabled',
        category: 'performance',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment'],
        fixable: true,
        description: 'Upstream discovery should be off in production; declare the Upstreams you route to.',
        remediation: 'Set discovery.enabled: false after defining a static Upstream for every discovered one your routes use (rendered: delete the discovery Deployment).',
        messages: {
            values: '{{key}} is not false: discovery watches every Service and rewrites Upstreams for them, load that a declared set of Upstreams avoids.',
            chartDefault: '{{key}} is not set, and chart {{version}} runs discovery by default (until 1.20.0-beta3): it watches every Service and rewrites Upstreams for them.',
            rendered: "Deployment '{{name}}' runs Upstream discovery, which watches every Service and rewrites Upstreams for them.",
            turnOff: 'Turn discovery off once every route of the install uses static Upstreams (declare the install complete: true in the config to have --fix apply this).',
            inUse: 'Discovery is on ({{what}}) and routes use Upstreams that look discovered and that no file defines: {{refs}}; they must become static Upstreams before discovery is turned off.'
        }
    },
    *checkValues(v, { project, install }) {
        const found = values_getValue(v, discovery_enabled_PATH);
        if (isFalse(found?.node))
            return;
        if (!found && !isBefore(v.chartVersion, DEFAULT_OFF_SINCE))
            return;
        const key = keyPath(v, discovery_enabled_PATH);
        const severity = found ? undefined : 'warning';
        const refs = undefinedDiscoveredRefs(project);
        if (refs.length) {
            const what = found ? `${key}: ${found.node.kind === 'scalar' ? found.node.value : '\u2026'}` : `the chart ${v.chartVersion?.raw} default`;
            yield { messageId: 'inUse', severity, node: locate(v, discovery_enabled_PATH), data: { what, refs: describeRefs(refs) } };
            return;
        }
        yield {
            messageId: found ? 'values' : 'chartDefault',
            severity,
            node: locate(v, discovery_enabled_PATH),
            data: { key, version: v.chartVersion?.raw },
            // Safe only for a complete install (a route outside the checked files may use a discovered Upstream) and
            // without the ingress integration, which needs discovered Upstreams.
            ...safeIf(install?.complete === true && !isTrue(values_getValue(v, ['ingress', 'enabled'])?.node), values_setValueFix(v, discovery_enabled_PATH, 'false'), 'turnOff')
        };
    },
    *checkObject(obj, { project }) {
        if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'discovery')
            return;
        if (asNumber(getNode(obj.root, ['spec', 'replicas'])) === 0)
            return;
        const node = getNode(obj.root, ['metadata', 'name']) ?? obj.root;
        const refs = undefinedDiscoveredRefs(project);
        if (refs.length) {
            yield { messageId: 'inUse', node, data: { what: `Deployment '${obj.name}' runs`, refs: describeRefs(refs) } };
            return;
        }
        yield { messageId: 'rendered', node, data: { name: obj.name } };
    }
}));

;// CONCATENATED MODULE: ./src/rules/file-skipped.ts

/* harmony default export */ const file_skipped = (defineRule({
    meta: {
        id: 'file-skipped',
        category: 'hygiene',
        severity: 'notice',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'A file was not read (binary, too large, not UTF-8 or UTF-16, a link out of the repository).',
        remediation: 'Raise max-file-size if the file is legitimately large, or fix its encoding; a link out of the repository is never read.',
        messages: { skipped: '{{path}} was not checked: {{reason}}.' }
    }
}));

;// CONCATENATED MODULE: ./src/rules/file-unreadable.ts

/* harmony default export */ const file_unreadable = (defineRule({
    meta: {
        id: 'file-unreadable',
        category: 'hygiene',
        severity: 'error',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'A changed file could not be read (not in the checkout, and the API failed), so it was not checked.',
        remediation: 'Re-run the job; if it fails again, check out the pull request head and give the token contents: read, or exclude the file.',
        messages: { unreadable: '{{path}} could not be read, so it was not checked: {{reason}}.' }
    }
}));

;// CONCATENATED MODULE: ./src/gloo/workloads.ts





function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
function workloadIndex(project) {
    return perProject(project, 'workloadIndex', buildWorkloadIndex);
}
function buildWorkloadIndex(project) {
    const index = { hpasByTarget: new Map(), pdbsByProxyId: new Map(), otherPdbs: [], proxiesByName: new Map() };
    for (const p of project.proxies)
        push(index.proxiesByName, p.name, p);
    for (const obj of project.objects) {
        if (obj.kind === 'HorizontalPodAutoscaler' && obj.apiVersion.startsWith('autoscaling/')) {
            const ref = getNode(obj.root, ['spec', 'scaleTargetRef']);
            const kind = asString(getNode(ref, ['kind']));
            const name = asString(getNode(ref, ['name']));
            if (name && (!kind || kind === 'Deployment'))
                push(index.hpasByTarget, name, obj);
        }
        else if (obj.kind === 'PodDisruptionBudget' && obj.apiVersion.startsWith('policy/')) {
            const id = asString(getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id']));
            if (id)
                push(index.pdbsByProxyId, id, obj);
            else
                index.otherPdbs.push(obj);
        }
    }
    return index;
}
/** Unset namespaces match anything: a values file or a bare manifest does not say where it lands. */
const sameNamespace = (a, b) => !a || !b || a === b;
/** HPAs scaling the Deployment `name`. */
function hpasFor(project, name, namespace) {
    return (workloadIndex(project).hpasByTarget.get(name) ?? []).filter((h) => sameNamespace(h.namespace, namespace));
}
/** `spec.minReplicas` of an HPA (Kubernetes default 1). */
const hpaMinReplicas = (hpa) => asNumber(getNode(hpa.root, ['spec', 'minReplicas'])) ?? 1;
/** PDBs whose `matchLabels` select the pods of a rendered proxy. */
function pdbsForProxy(project, proxy) {
    const index = workloadIndex(project);
    const labels = proxy.labels;
    const id = labels.get('gateway-proxy-id') ?? proxy.name;
    const selects = (pdb) => {
        if (!sameNamespace(pdb.namespace, proxy.namespace))
            return false;
        const match = mapEntries(getNode(pdb.root, ['spec', 'selector', 'matchLabels']));
        // matchExpressions cannot be evaluated without the cluster: an expression-only selector does not count.
        return match.length > 0 && match.every((p) => labels.get(keyOf(p)) === (asString(p.value) ?? ''));
    };
    return [...(index.pdbsByProxyId.get(id) ?? []), ...index.otherPdbs].filter(selects);
}
/** Rendered proxies a PDB selects (the inverse of `pdbsForProxy`). */
function proxiesForPdb(project, pdb) {
    const index = workloadIndex(project);
    const id = asString(getNode(pdb.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id']));
    const candidates = id ? index.proxiesByName.get(id) ?? [] : project.proxies;
    return candidates.filter((p) => pdbsForProxy(project, p).includes(pdb));
}
/** Rendered proxies an HPA scales. */
function proxiesForHpa(project, hpa) {
    const ref = getNode(hpa.root, ['spec', 'scaleTargetRef']);
    const kind = asString(getNode(ref, ['kind']));
    const name = asString(getNode(ref, ['name']));
    if (!name || (kind && kind !== 'Deployment'))
        return [];
    return (workloadIndex(project).proxiesByName.get(name) ?? []).filter((p) => !p.daemonSet && sameNamespace(p.namespace, hpa.namespace));
}
// ---------------------------------------------------------------------------------------------------------
// Values

/** True for a value Helm treats as absent: a missing key, `key:` or `key: null`. */
function isUnset(node) {
    return !node || scalarValue(node) === null;
}
/** From here the chart tests `kindIs "map" kind.deployment` instead of its truthiness (commit e16095a6e8). */
const KIND_IS_MAP_SINCE = '1.22.0-beta5';
/** First chart that reads `kind.workloadType` (75c1cbe63f; catalog section 4.3). */
const WORKLOAD_TYPE_SINCE = '1.22.0-beta11';
/** Before this a custom proxy stands alone: nothing of `gatewayProxy` (nor the chart defaults) reaches it. */
const CUSTOM_MERGE_SINCE = '1.7.0-beta21';
/** From these, `mergeOverwrite`: a custom `false`, `0` or `null` wins over `gatewayProxy` (1.8.0 T7:12). */
const CUSTOM_OVERWRITE_SINCE = '1.7.1/1.8.0-beta3';
const KIND = ['kind'];
const DEPLOYMENT = ['kind', 'deployment'];
const WORKLOAD_TYPE = ['kind', 'workloadType'];
/** The chart's only default under `kind` (`V`): `gatewayProxies.gatewayProxy.kind.deployment.replicas: 1`. */
const DEFAULT_DEPLOYMENT_KEYS = ['replicas'];
/** How a custom proxy's values meet `gatewayProxy`'s at chart `v` (catalog section 4.2, "Custom proxy merge"). */
function customMerge(v) {
    if (isBefore(v.chartVersion, CUSTOM_MERGE_SINCE))
        return 'alone';
    return version_hasSince(v.chartVersion, CUSTOM_OVERWRITE_SINCE) ? 'overwrite' : 'merge';
}
const DEFAULT_PROXY = { key: 'gatewayProxy', name: 'gateway-proxy', isDefault: true, inherits: false };
/**
 * The proxy's own value at `path` under `gatewayProxies.<key>` as the layers coalesce, a deleting `null`
 * included; a `null` (or a scalar) on the way down under the proxy deletes the path too.
 */
function ownValue(v, proxy, path) {
    for (let i = 1; i < path.length; i++) {
        const up = proxyLookup(v, proxy.key, path, i);
        if (up && (up.deleted || deref(up.node)?.kind !== 'map'))
            return { ...up, deleted: true };
    }
    return proxyLookup(v, proxy.key, path);
}
/** A `null`, `false`, `0` or `""`: what sprig `merge` (1.7.0-beta21 \u2026 1.7.0) refills from `gatewayProxy`. */
function mergoEmpty(found) {
    if (found.deleted)
        return true;
    const n = deref(found.node);
    return !!n && n.kind === 'scalar' && !helmTruthy(found);
}
/**
 * A proxy's value at `path` as the chart merges custom proxies over `gatewayProxy` (catalog section 4.2):
 * alone before 1.7.0-beta21; `merge` up to 1.7.0, where a custom `null`/`false`/`0` is refilled; `mergeOverwrite`
 * from 1.7.1/1.8.0-beta3, where it wins. A deleting `null` is returned with `deleted`. Chart defaults are not
 * included (the caller knows which key has one).
 */
function mergedProxyValue(v, proxy, path) {
    const own = ownValue(v, proxy, path);
    const mode = proxy.isDefault ? 'alone' : customMerge(v);
    if (mode === 'alone' || (own && mode === 'overwrite') || (own && !mergoEmpty(own)))
        return own ? withInherited(own, false) : null;
    const base = ownValue(v, DEFAULT_PROXY, path);
    if (base && !(mode === 'merge' && mergoEmpty(base) && own))
        return withInherited(base, true);
    return own ? withInherited(own, false) : null;
}
/** The keys written in any layer under the map at the OSS path `path` (merge keys excluded). */
function writtenKeys(v, path) {
    const keys = new Set();
    for (const layer of v.layers)
        for (const p of mapEntries(getNode(layer.root, [...layer.ossPath, ...path])))
            keys.add(keyOf(p));
    return [...keys];
}
/** The merged `kind.deployment` of `gatewayProxies.gatewayProxy`: the chart default `{replicas: 1}` under the layers. */
function defaultDeployment(v) {
    // Every custom proxy merges over it: worked out once per effective values.
    return perValues(defaults, v, computeDefaultDeployment);
}
const defaults = memoKind('default deployment');
function computeDefaultDeployment(v) {
    const dep = ownValue(v, DEFAULT_PROXY, DEPLOYMENT);
    const found = dep ? withInherited(dep, false) : null;
    if (dep?.deleted)
        return { state: 'null', found, keys: new Set(), replicasNull: null };
    if (dep && deref(dep.node)?.kind !== 'map')
        return { state: 'scalar', found, keys: new Set(), replicasNull: null };
    const keys = new Set();
    let replicasNull = null;
    for (const key of new Set([...DEFAULT_DEPLOYMENT_KEYS, ...writtenKeys(v, values_proxyPath(DEFAULT_PROXY, DEPLOYMENT))])) {
        const f = proxyLookup(v, DEFAULT_PROXY.key, [...DEPLOYMENT, key]);
        if (f?.deleted) {
            if (key === 'replicas')
                replicasNull = withInherited(f, false);
        }
        else if (f || DEFAULT_DEPLOYMENT_KEYS.includes(key))
            keys.add(key);
    }
    return { state: 'map', found, keys, replicasNull };
}
/** The merged `kind.deployment` of any proxy (catalog section 4.2, "Custom proxy merge" and "Workload kind"). */
function mergedDeployment(v, proxy) {
    if (proxy.isDefault)
        return defaultDeployment(v);
    const mode = customMerge(v);
    const dep = ownValue(v, proxy, DEPLOYMENT);
    const own = dep ? withInherited(dep, false) : null;
    const ownMap = !!dep && !dep.deleted && deref(dep.node)?.kind === 'map';
    // What the custom proxy writes stands when nothing is merged in, or when its null or scalar wins the merge.
    if (!ownMap && (mode === 'alone' || (dep && (mode === 'overwrite' || !mergoEmpty(dep))))) {
        if (!dep)
            return { state: 'absent', found: null, keys: new Set(), replicasNull: null };
        return { state: dep.deleted ? 'null' : 'scalar', found: own, keys: new Set(), replicasNull: null };
    }
    const base = mode === 'alone' ? null : defaultDeployment(v);
    if (!ownMap)
        return { ...base, found: base.found && { ...base.found, inherited: true }, replicasNull: base.replicasNull && { ...base.replicasNull, inherited: true } };
    // The custom map merges key by key over gatewayProxy's: its nulls delete (`mergeOverwrite`) or are refilled (`merge`).
    const keys = new Set(base?.state === 'map' ? base.keys : []);
    let replicasNull = base?.state === 'map' && base.replicasNull ? { ...base.replicasNull, inherited: true } : null;
    for (const key of writtenKeys(v, values_proxyPath(proxy, DEPLOYMENT))) {
        const f = proxyLookup(v, proxy.key, [...DEPLOYMENT, key]);
        if (!f || (f.deleted && mode === 'merge' && keys.has(key)))
            continue;
        if (f.deleted)
            keys.delete(key);
        else
            keys.add(key);
        if (key === 'replicas')
            replicasNull = f.deleted ? withInherited(f, false) : null;
    }
    return { state: 'map', found: own, keys, replicasNull };
}
/**
 * Whether the chart renders a proxy as a Deployment or a DaemonSet, and why (catalog section 4.2, "Workload
 * kind"): `kind.workloadType` from 1.22.0-beta11; else a Deployment iff the merged `kind.deployment` is truthy
 * (a non-empty map) up to 1.22.0-beta4, or a map from 1.22.0-beta5. The chart default
 * `kind.deployment.replicas: 1` is merged in, so `kind.daemonSet` alone still renders a Deployment; a DaemonSet
 * needs `kind.deployment: null` (on custom proxies from 1.7.1/1.8.0-beta3) or `kind.workloadType: DaemonSet`.
 */
function workloadKind(v, proxy) {
    return perProxy(kinds, v, proxy, computeWorkloadKind);
}
/**
 * Per effective values and proxy (several rules ask for the same proxy's kind and scale): worked out once. The
 * values, their trees and the project do not change while an install's rules run.
 */
const kinds = memoKind('workload kinds');
const scales = memoKind('scales');
function computeWorkloadKind(v, proxy) {
    /** `<key> is <what>`, naming the default proxy's key when the value is inherited from it. */
    const says = (f, path, what) => f?.inherited
        ? `${keyPath(v, values_proxyPath(proxy, path))} ${what}, inherited from ${keyPath(v, values_proxyPath(DEFAULT_PROXY, path))}`
        : `${keyPath(v, values_proxyPath(proxy, path))} ${what}`;
    if (isAtLeast(v.chartVersion, WORKLOAD_TYPE_SINCE)) {
        const type = mergedProxyValue(v, proxy, WORKLOAD_TYPE);
        const value = type && !type.deleted ? asString(type.node) : undefined;
        // Any other non-empty value fails the render (1.22.1 H:415); the maps are then the best guess.
        if (value === 'DaemonSet' || value === 'Deployment')
            return { daemonSet: value === 'DaemonSet', reason: 'workloadType', found: type, because: says(type, WORKLOAD_TYPE, `is ${value}`) };
    }
    const dep = mergedDeployment(v, proxy);
    const kindIsMap = isAtLeast(v.chartVersion, KIND_IS_MAP_SINCE);
    if (dep.state === 'absent')
        return { daemonSet: true, reason: 'deploymentUnset', found: null, because: says(null, DEPLOYMENT, `is not set (before chart ${CUSTOM_MERGE_SINCE} a custom proxy inherits nothing)`) };
    if (dep.state === 'null') {
        // `kind: null` deletes kind.deployment with it: name the key that holds the null.
        const path = dep.found?.pair && keyOf(dep.found.pair) === 'kind' ? KIND : DEPLOYMENT;
        return { daemonSet: true, reason: 'deploymentNull', found: dep.found, because: says(dep.found, path, scalarValue(dep.found?.node) === null ? 'is null' : 'is not a map') };
    }
    if (dep.state === 'scalar') {
        const deployment = !kindIsMap && helmTruthy(dep.found);
        return { daemonSet: !deployment, reason: 'deploymentScalar', found: dep.found, because: says(dep.found, DEPLOYMENT, 'is not a map') };
    }
    if (kindIsMap || dep.keys.size > 0) {
        let because = dep.found ? says(dep.found, DEPLOYMENT, 'is a map') : says({ inherited: !proxy.isDefault }, DEPLOYMENT, 'keeps the chart default {replicas: 1}');
        // 1.7.0-beta21 \u2026 1.7.0: the custom proxy's own null or false is refilled by `merge` (1.7.0 T7:10).
        const own = !proxy.isDefault && customMerge(v) === 'merge' ? ownValue(v, proxy, DEPLOYMENT) : null;
        if (own && mergoEmpty(own))
            because = `${keyPath(v, values_proxyPath(proxy, DEPLOYMENT))} is ${own.deleted ? 'null' : asString(own.node)}, which chart ${v.chartVersion?.raw} refills from ${keyPath(v, values_proxyPath(DEFAULT_PROXY, DEPLOYMENT))} (sprig merge)`;
        return { daemonSet: false, reason: 'deploymentMap', found: dep.found, because };
    }
    if (dep.replicasNull)
        return {
            daemonSet: true,
            reason: 'replicasNull',
            found: dep.replicasNull,
            because: `${says(dep.replicasNull, [...DEPLOYMENT, 'replicas'], 'is null')}, which leaves ${keyPath(v, values_proxyPath(proxy, DEPLOYMENT))} empty`
        };
    return { daemonSet: true, reason: 'deploymentEmpty', found: dep.found, because: says(dep.found, DEPLOYMENT, 'is empty') };
}
/** How a values proxy is scaled: DaemonSet, replicas, and the HPA (values first, then objects of the run). */
function valuesScale(v, proxy, project) {
    // The HPA may come from the project's objects: one project at a time (an install's rules share one).
    const known = perProxy(scales, v, proxy, () => ({ project, scale: computeValuesScale(v, proxy, project) }));
    if (known.project !== project) {
        known.project = project;
        known.scale = computeValuesScale(v, proxy, project);
    }
    return known.scale;
}
function computeValuesScale(v, proxy, project) {
    const kind = workloadKind(v, proxy);
    const replicasFound = proxyValue(v, proxy, ['kind', 'deployment', 'replicas']);
    const replicas = asNumber(replicasFound?.node) ?? 1;
    let hpa = null;
    const hpaFound = proxyValue(v, proxy, ['horizontalPodAutoscaler']);
    if (hpaFound && hpaFound.node.kind === 'map') {
        const minNode = getNode(hpaFound.node, ['minReplicas']) ?? undefined;
        hpa = { source: 'values', min: asNumber(minNode) ?? 1, minNode, found: hpaFound };
    }
    else {
        const objects = hpasFor(project, proxy.name);
        if (objects.length) {
            const best = objects.reduce((a, b) => (hpaMinReplicas(b) > hpaMinReplicas(a) ? b : a));
            hpa = { source: 'object', min: hpaMinReplicas(best), obj: best, minNode: getNode(best.root, ['spec', 'minReplicas']) ?? undefined };
        }
    }
    return { daemonSet: kind.daemonSet, kind, replicas, replicasFound, hpa };
}
/** Fewest pods the proxy runs with: the HPA's floor when one scales it, else the replicas. */
const minimumPods = (s) => (s.hpa ? s.hpa.min : s.replicas);
/** Whether `node` sits inside a flow collection (where an inserted `# comment` would swallow the rest). */
function inFlow(node) {
    for (let n = node; n; n = n.parent)
        if ((n.kind === 'map' || n.kind === 'seq') && n.flow)
            return true;
    return false;
}
/**
 * How a proxy setting reads in a message: `false`, `not set (chart default false)`, or
 * `false, inherited from gatewayProxies.gatewayProxy.\u2026`.
 */
function describeSetting(v, path, found, chartDefault, whose = 'chart') {
    if (!found || isUnset(found.node))
        return `not set (${whose} default ${chartDefault})`;
    const n = deref(found.node);
    const text = n && n.kind === 'scalar' ? n.value : n?.kind === 'map' ? 'a map' : 'a list';
    return found.inherited ? `${text}, inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...path])}` : text;
}
/**
 * Fixes setting several keys under one proxy map (`podTemplate`): one independent fix per key when the map
 * exists in the layer new keys go to; otherwise a single fix on the first key that creates the map with
 * every key, since separate insertions would each create the map and duplicate it.
 */
function fixKeysUnder(v, proxy, base, entries) {
    const basePath = proxyPath(proxy, base);
    const found = getValue(v, basePath);
    const writable = writableLayer(v);
    if (entries.length === 1 || (found && found.node.kind === 'map' && found.layer === writable))
        return entries.map(([k, value]) => setValueFix(v, [...basePath, k], value));
    return entries.map((_, i) => (i === 0 ? setValueFix(v, basePath, Object.fromEntries(entries)) : null));
}
/**
 * True when the fix made on `gatewayProxies.gatewayProxy` for `path` reaches this proxy as well: it inherits
 * (chart 1.7 and later) and sets nothing of its own there, so a second edit would only repeat the first.
 * `fixedOnDefault` holds the `path.join('.')` of every fix already offered on the default proxy.
 */
function coveredByDefault(v, proxy, path, fixedOnDefault) {
    return proxy.inherits && fixedOnDefault.has(path.join('.')) && !values_getValue(v, values_proxyPath(proxy, path));
}

;// CONCATENATED MODULE: ./src/rules/header-secret-namespace.ts
/** Header secrets of an Upstream should come from the Upstream's own namespace, not from anywhere in the cluster. */





const header_secret_namespace_PATH = ['gloo', 'headerSecretRefNsMatchesUs'];
const ENV = 'HEADER_SECRET_REF_NS_MATCHES_US';
/** First chart of each release line that renders the env var from the key (catalog 4.2, 4.3). */
const header_secret_namespace_SINCE = '1.14.13/1.15.0-beta23';
const isUpstream = (o) => o.kind === 'Upstream' && o.apiVersion.startsWith('gloo.solo.io/');
/** Every `headerSecretRef(s)` reference below `node` whose namespace differs from `ns`. */
function foreignSecretRefs(node, ns, depth = 0) {
    const n = deref(node);
    if (!n || depth > 40)
        return false;
    if (n.kind === 'seq')
        return seqItems(n).some((i) => foreignSecretRefs(i, ns, depth + 1));
    if (n.kind !== 'map')
        return false;
    for (const pair of mapEntries(n)) {
        const key = keyOf(pair);
        const refs = key === 'headerSecretRefs' ? seqItems(pair.value) : key === 'headerSecretRef' ? [pair.value] : [];
        for (const ref of refs) {
            const refNs = str(ref, ['namespace']);
            if (refNs !== undefined && refNs !== ns)
                return true;
        }
        if (foreignSecretRefs(pair.value, ns, depth + 1))
            return true;
    }
    return false;
}
/**
 * Why turning the check on might break traffic, or undefined when the install is known not to be affected: every
 * member Upstream must be visible (the project keeps only some kinds whole) and none may take a header secret
 * from another namespace.
 */
function unsafeBecause(project) {
    const upstreams = project.objects.filter(isUpstream);
    const seen = new Set(upstreams.flatMap((u) => [u.name, ...(u.namespace ? [`${u.namespace}/${u.name}`] : [])]));
    if ([...project.upstreamNames].some((n) => !seen.has(n)))
        return 'the Upstreams of the install could not be checked';
    if (upstreams.some((u) => foreignSecretRefs(getNode(u.root, ['spec']), u.namespace)))
        return 'an Upstream takes a header secret from another namespace';
    return undefined;
}
/* harmony default export */ const header_secret_namespace = (defineRule({
    meta: {
        id: 'header-secret-namespace',
        category: 'security',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment'],
        fixable: true,
        description: "Secrets sent as headers via headerSecretRefs should be limited to the Upstream's namespace.",
        remediation: 'Set gloo.headerSecretRefNsMatchesUs: true (chart 1.14.13, 1.15.0-beta23 and later).',
        messages: {
            values: '{{key}} is not true on {{chart}}: an Upstream can send the contents of a header Secret from any namespace to its destination (the chart default is false).',
            rendered: "Deployment '{{name}}' does not set env {{env}}: \"true\" on {{chart}}: an Upstream can send the contents of a header Secret from any namespace to its destination.",
            restrict: 'Set {{key}}: true (check first that no Upstream takes a header secret from another namespace: its requests would then fail).'
        }
    },
    *checkValues(v, { project, install }) {
        // The key renders the env var from 1.14.13/1.15.0-beta23; an unknown version is taken as the newest chart.
        if (!version_hasSince(v.chartVersion, header_secret_namespace_SINCE))
            return;
        const found = values_getValue(v, header_secret_namespace_PATH);
        if (isTrue(found?.node))
            return;
        const data = { key: keyPath(v, header_secret_namespace_PATH), chart: chartNamed(v.chartVersion, header_secret_namespace_SINCE) };
        const edits = values_setValueFix(v, header_secret_namespace_PATH, 'true');
        // Safe (catalog section 2): the chart is known to read the key (F1), nothing a human wrote is reversed, the
        // install is complete and no member Upstream depends on a secret of another namespace (F3).
        const safe = v.chartVersion !== undefined && isUnset(found?.node) && install?.complete === true && !unsafeBecause(project);
        const node = locate(v, header_secret_namespace_PATH);
        if (safe)
            yield { messageId: 'values', node, data, fix: edits };
        else
            yield { messageId: 'values', node, data, suggest: edits?.length ? [{ messageId: 'restrict', data, edits }] : undefined };
    },
    *checkObject(obj) {
        if (obj.kind !== 'Deployment' || obj.labels['gloo'] !== 'gloo')
            return;
        const containers = seqItems(getNode(obj.root, ['spec', 'template', 'spec', 'containers'])).filter(isMap);
        const gloo = containers.find((c) => str(c, ['name']) === 'gloo') ?? containers[0];
        if (!gloo)
            return;
        const tag = /:([^:@/]+)(?:@|$)/.exec(str(gloo, ['image']) ?? '')?.[1];
        const version = parseVersion(tag);
        if (!version_hasSince(version, header_secret_namespace_SINCE))
            return;
        const env = seqItems(getNode(gloo, ['env'])).find((e) => str(e, ['name']) === ENV);
        const value = getNode(env, ['value']);
        if (String(scalarValue(value)) === 'true')
            return;
        const chart = chartNamed(version, header_secret_namespace_SINCE);
        yield { messageId: 'rendered', node: value ?? getNode(gloo, ['name']) ?? gloo, data: { name: obj.name, env: ENV, chart } };
    }
}));

;// CONCATENATED MODULE: ./src/rules/internal-error.ts

/* harmony default export */ const internal_error = (defineRule({
    meta: {
        id: 'internal-error',
        category: 'hygiene',
        severity: 'warning',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'A rule failed on this file; the other rules still ran.',
        remediation: 'Report the file and the message to the gloo-harden maintainers.',
        messages: { crashed: "Rule '{{rule}}' failed on this file: {{error}}." }
    }
}));

;// CONCATENATED MODULE: ./src/rules/input-unrecognized.ts

/* harmony default export */ const input_unrecognized = (defineRule({
    meta: {
        id: 'input-unrecognized',
        category: 'hygiene',
        severity: 'notice',
        kinds: ['values'],
        fixable: false,
        builtin: true,
        description: 'A file named like Gloo holds values with no key that only the Gloo chart reads, so it is not checked as Gloo values.',
        remediation: 'If the file is Gloo values, declare it: list it under inputs.gloo (or in an installs entry) of .github/gloo-harden.yml, or reference it from the Chart.yaml, Application, HelmRelease, helmfile or kustomization that installs Gloo.',
        messages: {
            chart2: 'Install {{install}} is chart {{version}} ({{source}}): gloo 2.x is another product (Kubernetes Gateway API), out of scope for these rules; it was not checked.',
            weak: '{{path}} looks like Gloo values by its name, but none of its keys is one only the gloo / gloo-ee chart reads (keys such as gateway, settings or global prove nothing alone); it was not checked.'
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/input-unresolved.ts

/* harmony default export */ const input_unresolved = (defineRule({
    meta: {
        id: 'input-unresolved',
        category: 'hygiene',
        severity: 'notice',
        kinds: ['values', '*'],
        fixable: false,
        builtin: true,
        description: 'Part of a Gloo install cannot be read from the repository (a Secret or remote values layer, a Helm template, an unparsable values string), so findings that depend on it are not checked.',
        remediation: 'Keep the values in the repository (or declare the install in the config file), or check the missing part separately.',
        messages: {
            unresolved: '{{message}}',
            layers: 'Install {{install}} has values layers that cannot be read from the repository: {{what}}; keys they set are not seen.',
            template: '{{path}} is a Helm template (Go template directives), not YAML: it was not checked; check the rendered output (helm template) instead.'
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/invalid-routes-not-replaced.ts
/** Gloo should replace the routes of an invalid resource with a direct response instead of serving stale config. */





const invalid_routes_not_replaced_PATH = ['settings', 'invalidConfigPolicy', 'replaceInvalidRoutes'];
/** The legacy key: ignored \u2264 1.5.0, a gate 1.5.1 \u2026 1.7.0-beta20, a duplicate key that loses from 1.7.0-beta21 (T18:33-38). */
const LEGACY = ['settings', 'replaceInvalidRoutes'];
const CR_PATH = ['spec', 'gloo', 'invalidConfigPolicy', 'replaceInvalidRoutes'];
const GATE_SINCE = '1.5.1';
const OVERRIDE_SINCE = '1.7.0-beta21';
/* harmony default export */ const invalid_routes_not_replaced = (defineRule({
    meta: {
        id: 'invalid-routes-not-replaced',
        category: 'control-plane',
        severity: 'notice',
        kinds: ['values', 'gloo.solo.io/v1/Settings'],
        fixable: false,
        description: 'Gloo should replace invalid routes instead of keeping the last valid configuration.',
        remediation: 'Set settings.invalidConfigPolicy.replaceInvalidRoutes: true (Settings: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes: true).',
        messages: {
            values: '{{key}} is not true: when a VirtualService becomes invalid, the proxies keep serving its last valid routes and nothing tells clients (the chart default is false).',
            legacyOverridden: '{{legacy}} is true but {{key}} is not: on {{chart}} the rendered Settings repeats replaceInvalidRoutes with the invalidConfigPolicy value (default false) last, and the last one wins, so the proxies keep serving the last valid routes of an invalid VirtualService.',
            legacyIgnored: '{{legacy}} is true but {{key}} is not: chart {{version}} ignores {{legacy}}, so the proxies keep serving the last valid routes of an invalid VirtualService.',
            legacyNeeded: '{{key}} is true, but chart {{version}} renders invalidConfigPolicy only when {{legacy}} is true too (1.5.1 to 1.7.0-beta20): the proxies keep serving the last valid routes of an invalid VirtualService.',
            settings: "Settings '{{name}}' keeps serving the last valid routes of an invalid VirtualService: spec.gloo.invalidConfigPolicy.replaceInvalidRoutes is not true.",
            replace: 'Set {{key}}: true (invalid routes then answer with a direct response, 404 by default, instead of keeping the last good configuration).'
        }
    },
    *checkValues(v) {
        // No Settings rendered: the member Settings CR is checked on its own, and none is the engine's notice.
        if (isFalse(values_getValue(v, ['settings', 'create'])?.node))
            return;
        const current = values_getValue(v, invalid_routes_not_replaced_PATH);
        const legacy = values_getValue(v, LEGACY);
        const version = v.chartVersion;
        const gated = isBefore(version, OVERRIDE_SINCE) && !isBefore(version, GATE_SINCE);
        const suggestion = (path) => {
            const edits = values_setValueFix(v, path, 'true');
            return edits?.length ? [{ messageId: 'replace', data: { key: keyPath(v, path) }, edits }] : [];
        };
        const data = { key: keyPath(v, invalid_routes_not_replaced_PATH), legacy: keyPath(v, LEGACY), version: version?.raw };
        if (isTrue(current?.node)) {
            // 1.5.1 \u2026 1.7.0-beta20: the legacy key gates the whole invalidConfigPolicy block.
            if (!gated || helmTruthy(legacy))
                return;
            yield { messageId: 'legacyNeeded', node: locate(v, LEGACY), data, suggest: suggestion(LEGACY) };
            return;
        }
        const suggest = suggestion(invalid_routes_not_replaced_PATH);
        if (gated && !helmTruthy(legacy))
            suggest.push(...suggestion(LEGACY));
        if (isTrue(legacy?.node)) {
            if (isBefore(version, GATE_SINCE))
                yield { messageId: 'legacyIgnored', node: locate(v, invalid_routes_not_replaced_PATH), data, suggest };
            else if (!gated) {
                const chart = chartNamed(version, OVERRIDE_SINCE);
                yield { messageId: 'legacyOverridden', node: locate(v, invalid_routes_not_replaced_PATH), data: { ...data, chart }, suggest };
            }
            else
                yield { messageId: 'values', node: locate(v, invalid_routes_not_replaced_PATH), data, suggest };
            return;
        }
        yield { messageId: 'values', node: locate(v, invalid_routes_not_replaced_PATH), data, suggest };
    },
    *checkObject(obj) {
        if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/'))
            return;
        if (isTrue(getNode(obj.root, CR_PATH)))
            return;
        const edits = setPath(obj.file.edit, obj.root, CR_PATH, 'true');
        yield {
            messageId: 'settings',
            node: locatePath(obj.root, CR_PATH),
            data: { name: obj.name },
            suggest: edits?.length ? [{ messageId: 'replace', data: { key: CR_PATH.join('.') }, edits }] : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/gloo/project.ts







/** A Kubernetes destination as the project remembers it: where it is and what it names, no tree. */
const project_ROUTE_APIS = /^(gateway|gloo)\.solo\.io\//;
/** Kinds kept whole in `Project.objects`, whatever their API group: HPAs and PDBs (workloads.ts), Gateways (security.ts). */
const CROSS_DOCUMENT_KINDS = new Set(['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Gateway']);
// Every fact fileFacts takes comes from text holding one of these words: the kinds it keeps, rendered proxies
// (Deployment, DaemonSet), Gloo's APIs (`gateway.solo.io`, `gloo.solo.io`), and the values keys it reads; keep the
// list in step with fileFacts. Values documents and descriptors of installs hold `gloo` (a chart name, a key) or
// one of the Gloo-only keys of catalog section 1.2; ConfigMaps may hold a HelmRelease's values.
const FACT_WORDS = [
    'solo.io', 'Deployment', 'DaemonSet', 'ServiceAccount', 'Settings', 'Gateway', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
    'disableKubernetesDestinations', 'knative', 'gloo', 'Gloo', 'gatewayProxies', 'invalidConfigPolicy', 'replaceInvalidRoutes',
    'alwaysAcceptResources', 'proxyServiceAccount', 'certGenJob', 'fdsMode', 'ingressProxy', 'ConfigMap', 'configMapGenerator'
];
/**
 * False when a file cannot add anything to the project (ConfigMaps, Services, most YAML of a repository): the
 * engine then parses it only once, when its rules run, or not at all when it is context only. A word spelled
 * with YAML escapes (`"Settin\x67s"`) is not seen; such a file counts as fact-free.
 */
function mayHoldFacts(text) {
    // `gloo` first, alone: a values file holds it near its top. The rest in one search, not a search per word (a file
    // with none of them was read whole 22 times).
    return text.includes('gloo') || FACT_SEARCH.test(text);
}
const FACT_SEARCH = new RegExp(FACT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
/** The facts one file holds, and the objects they keep a reference to (the rest of its tree may be dropped). */
function fileFacts(file) {
    const p = emptyProject();
    const kept = new Set();
    for (const obj of file.objects) {
        if (CROSS_DOCUMENT_KINDS.has(obj.kind))
            kept.add(obj);
        if (obj.kind === 'ServiceAccount')
            p.serviceAccounts.add(obj.name);
        const rendered = renderedProxy(obj);
        if (rendered) {
            const proxy = proxyFact(rendered);
            p.proxies.push(proxy);
            const list = p.proxiesByServiceAccount.get(proxy.serviceAccount) ?? [];
            list.push(proxy);
            p.proxiesByServiceAccount.set(proxy.serviceAccount, list);
        }
        if (!project_ROUTE_APIS.test(obj.apiVersion))
            continue;
        switch (obj.kind) {
            case 'Upstream': {
                p.upstreamNames.add(obj.name);
                if (obj.namespace)
                    p.upstreamNames.add(`${obj.namespace}/${obj.name}`);
                const kube = getNode(obj.root, ['spec', 'kube']);
                if (kube)
                    p.kubeUpstreams.push({
                        name: obj.name,
                        ...(obj.namespace !== undefined ? { namespace: obj.namespace } : {}),
                        service: str(kube, ['serviceName']),
                        serviceNamespace: str(kube, ['serviceNamespace']) ?? obj.namespace,
                        port: asString(getNode(kube, ['servicePort']))
                    });
                break;
            }
            case 'Settings':
                if (obj.apiVersion.startsWith('gloo.solo.io/'))
                    p.settings++;
                if (isTrue(getNode(obj.root, ['spec', 'gloo', 'disableKubernetesDestinations'])))
                    p.kubeDestinationsDisabled.push({ path: obj.file.path, line: lineOf(obj, ['spec', 'gloo', 'disableKubernetesDestinations']), what: `Settings ${obj.name} sets spec.gloo.disableKubernetesDestinations: true` });
                if (isTrue(getNode(obj.root, ['spec', 'knative', 'enabled'])) || getNode(obj.root, ['spec', 'knative', 'clusterIngressProxyAddress']))
                    p.knative = true;
                break;
            default:
                for (const d of collectDestinations(obj))
                    p.kubeDestinations.push(destinationRef(d));
                for (const r of upstreamRefs(obj))
                    if (looksDiscovered(r.name))
                        p.discoveredRefs.push({ name: r.name, ...(r.namespace !== undefined ? { namespace: r.namespace } : {}), path: obj.file.path, line: obj.file.lines.positionAt(r.node.start).line });
        }
    }
    for (const obj of file.objects)
        if (kept.has(obj))
            p.objects.push(obj);
    return { facts: p, kept };
}
/** True when a project holds no fact at all (most files: kept as nothing). */
function isEmptyProject(p) {
    return !p.objects.length && !p.discoveredRefs.length && !p.kubeDestinations.length && !p.kubeDestinationsDisabled.length && !p.kubeUpstreams.length && !p.upstreamNames.size && !p.serviceAccounts.size && !p.settings && !p.proxies.length && !p.knative && p.gatewayDisabled === undefined;
}
/**
 * The facts an install's effective values add: Kubernetes destinations disabled, the Knative integration, the
 * gateway turned off.
 */
function valuesFacts(v) {
    const p = emptyProject();
    const d = values_getValue(v, ['settings', 'disableKubernetesDestinations']);
    // With settings.create: false the chart renders no Settings, so the values key changes nothing.
    if (d && isTrue(d.node) && !isFalse(values_getValue(v, ['settings', 'create'])?.node))
        p.kubeDestinationsDisabled.push({ path: d.layer.file.path, line: d.layer.file.lines.lineAt(d.node.start), what: `${v.prefix}settings.disableKubernetesDestinations is true`, byValues: true });
    if (isTrue(values_getValue(v, ['settings', 'integrations', 'knative', 'enabled'])?.node))
        p.knative = true;
    if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
        p.gatewayDisabled = `${v.prefix}gateway.enabled is false`;
    return p;
}
/** The project of a set of loaded files, values included, as one install (tests and tools). */
function buildProject(files) {
    return mergeProjects(files.flatMap((f) => [fileFacts(f).facts, ...f.values.map(valuesFacts)]));
}
function destinationRef(d) {
    const o = d.obj;
    return {
        path: o.file.path,
        line: destinationLine(d),
        resource: `${o.kind}/${o.namespace ?? ''}/${o.name}`,
        via: d.via,
        service: d.service,
        ...(d.namespace !== undefined ? { namespace: d.namespace } : {}),
        ...(d.port !== undefined ? { port: d.port } : {})
    };
}
function lineOf(obj, path) {
    const n = getNode(obj.root, path);
    return n ? obj.file.lines.positionAt(n.start).line : 1;
}
function collectDestinations(obj) {
    const out = [];
    for (const h of destinationHolders(obj)) {
        const holder = deref(h);
        if (!holder || holder.kind !== 'map')
            continue;
        const kubePair = query_findPair(holder, 'kube');
        if (kubePair) {
            const kube = deref(kubePair.value);
            out.push({
                obj,
                node: kube ?? kubePair.key,
                pair: kubePair,
                holder,
                via: 'kube',
                service: str(kube, ['ref', 'name']) ?? '',
                namespace: str(kube, ['ref', 'namespace']),
                port: asString(getNode(kube, ['port']))
            });
        }
        const upPair = query_findPair(holder, 'upstream');
        const name = str(upPair?.value, ['name']);
        if (upPair && name?.startsWith('kube-svc:')) {
            const m = /^kube-svc:(?:([^-]+)-)?(.+?)(?:-(\d+))?$/.exec(name);
            out.push({
                obj,
                node: getNode(upPair.value, ['name']),
                pair: upPair,
                holder,
                via: 'kube-svc',
                service: m?.[2] ?? name.slice(9),
                namespace: m?.[1],
                port: m?.[3]
            });
        }
    }
    return out;
}
/** 1-based line of a destination in its file. */
function destinationLine(d) {
    return d.obj.file.lines.positionAt(d.pair.key.start).line;
}
/** `file:line` of each destination, at most `max` of them, then "and N more". */
function describeDestinations(list, max = 5) {
    const shown = list.slice(0, max).map((d) => ('obj' in d ? `${d.obj.file.path}:${destinationLine(d)}` : `${d.path}:${d.line}`));
    return list.length > max ? `${shown.join(', ')} and ${list.length - max} more` : shown.join(', ');
}
/**
 * The Kubernetes destinations of one route object, read from its own tree (the project keeps only their refs);
 * once per object, whatever the number of installs it is checked for.
 */
function destinationsOf(project, obj) {
    void project;
    if (!project_ROUTE_APIS.test(obj.apiVersion))
        return [];
    return memo(obj, destinations, collectDestinations);
}
const destinations = memoKind('destinations');

;// CONCATENATED MODULE: ./src/rules/kube-destination-in-use.ts
/** kube-destination-in-use: a route to a Kubernetes destination breaks once Kubernetes destinations are disabled. */




const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const scalarText = (s) => (PLAIN.test(s) ? s : JSON.stringify(s));
/** An Upstream of the change whose `spec.kube` points at the same service and port. */
function matchingUpstream(d, project) {
    const index = perProject(project, 'kubeUpstreamIndex', (p) => {
        const m = new Map();
        for (const u of p.kubeUpstreams) {
            const { service, serviceNamespace: namespace, port } = u;
            if (!service || !port)
                continue;
            // First definition wins, as the linear scan it replaces did.
            const k1 = `kube\u0000${service}\u0000${port}\u0000${namespace ?? ''}`;
            if (!m.has(k1))
                m.set(k1, u);
            if (namespace) {
                const k2 = `svc\u0000kube-svc:${namespace}-${service}-${port}`;
                if (!m.has(k2))
                    m.set(k2, u);
            }
        }
        return m;
    });
    if (d.via === 'kube')
        return index.get(`kube\u0000${d.service}\u0000${d.port}\u0000${d.namespace ?? d.obj.namespace ?? ''}`);
    return index.get(`svc\u0000${str(d.pair.value, ['name'])}`);
}
/** Replaces the `kube:` pair, key through value, with an `upstream:` reference in the same (block or flow) style. */
function replaceKube(file, d, upstream) {
    const kube = deref(d.pair.value);
    if (!kube || kube.kind !== 'map')
        return null;
    const src = file.edit;
    const fields = [['name', scalarText(upstream.name)]];
    if (upstream.namespace)
        fields.push(['namespace', scalarText(upstream.namespace)]);
    let text;
    if (d.holder.flow || kube.flow)
        text = `upstream: {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    else {
        const col = kube.pairs.length ? src.col(kube.pairs[0].key.start) : src.col(d.pair.key.start) + src.indentStep;
        const pad = ' '.repeat(col);
        text = `upstream:${fields.map(([k, v]) => `${src.eol}${pad}${k}: ${v}`).join('')}`;
    }
    return [{ range: [d.pair.key.start, d.pair.value.end], text }];
}
/** Points an in-memory `kube-svc:` upstream reference at the real Upstream. */
function replaceKubeSvc(file, d, upstream) {
    const ref = deref(d.pair.value);
    if (!ref || ref.kind !== 'map' || d.node.kind !== 'scalar')
        return null;
    const edits = [{ range: [d.node.start, d.node.end], text: scalarText(upstream.name) }];
    if (upstream.namespace) {
        const ns = setPath(file.edit, ref, ['namespace'], scalarText(upstream.namespace));
        if (!ns)
            return null;
        edits.push(...ns);
    }
    return edits;
}
function disabledBy(project) {
    // Not `[first, ...rest]`: that copies the whole list for every route object (quadratic over a large run).
    const list = project.kubeDestinationsDisabled;
    const first = list[0];
    const more = list.length > 1 ? ` and ${list.length - 1} more` : '';
    return { disabledBy: first.what, where: `${first.path}:${first.line}${more}` };
}
/* harmony default export */ const kube_destination_in_use = (defineRule({
    meta: {
        id: 'kube-destination-in-use',
        category: 'security',
        severity: 'error',
        kinds: [
            'gateway.solo.io/v1/VirtualService',
            'gateway.solo.io/v1/RouteTable',
            'gateway.solo.io/v1/Gateway',
            'gateway.solo.io/v1/MatchableTcpGateway',
            'gloo.solo.io/v1/UpstreamGroup'
        ],
        fixable: true,
        readsValuesFacts: true,
        description: 'No route may use a Kubernetes destination while Kubernetes destinations are disabled.',
        remediation: 'Route to an Upstream with spec.kube for the service (upstream: {name, namespace}) instead of a kube destination or a kube-svc: in-memory upstream.',
        messages: {
            kube: "Kubernetes destination '{{service}}' fails because {{disabledBy}} ({{where}}); route to Upstream '{{upstream}}', which selects the same service, instead.",
            kubeNoUpstream: "Kubernetes destination '{{service}}' fails because {{disabledBy}} ({{where}}); no Upstream in this change has spec.kube for that service and port, so add one and route to it.",
            kubeSvc: "In-memory upstream '{{name}}' exists only while Kubernetes destinations are enabled, but {{disabledBy}} ({{where}}); route to Upstream '{{upstream}}', which selects the same service, instead.",
            kubeSvcNoUpstream: "In-memory upstream '{{name}}' exists only while Kubernetes destinations are enabled, but {{disabledBy}} ({{where}}); no Upstream in this change has spec.kube for that service, so add one and route to it.",
            unowned: "Kubernetes destination '{{service}}' belongs to no install of this run; it breaks if applied where Kubernetes destinations are disabled, as install {{installs}} does; route to an Upstream with spec.kube instead."
        }
    },
    *checkObject(obj, { project, install, disablingInstalls }) {
        if (!install && disablingInstalls?.length) {
            // A route of no install: no install's settings decide for it, but say where it would break.
            for (const d of destinationsOf(project, obj)) {
                const ns = d.namespace ?? d.obj.namespace;
                const service = d.via === 'kube' ? `${ns ? `${ns}/` : ''}${d.service}${d.port ? `:${d.port}` : ''}` : str(d.pair.value, ['name']) ?? d.service;
                yield { messageId: 'unowned', severity: 'notice', node: d.via === 'kube' ? d.pair.key : d.node, data: { service, installs: disablingInstalls.join(', ') } };
            }
            return;
        }
        if (!project.kubeDestinationsDisabled.length)
            return;
        const mine = destinationsOf(project, obj);
        if (!mine.length)
            return;
        const why = disabledBy(project);
        for (const d of mine) {
            const upstream = matchingUpstream(d, project);
            if (d.via === 'kube') {
                const ns = d.namespace ?? d.obj.namespace;
                const service = `${ns ? `${ns}/` : ''}${d.service}${d.port ? `:${d.port}` : ''}`;
                yield {
                    messageId: upstream ? 'kube' : 'kubeNoUpstream',
                    node: d.pair.key,
                    data: { service, upstream: upstream?.name, ...why },
                    fix: upstream ? replaceKube(obj.file, d, upstream) : null
                };
            }
            else {
                yield {
                    messageId: upstream ? 'kubeSvc' : 'kubeSvcNoUpstream',
                    node: d.node,
                    data: { name: str(d.pair.value, ['name']), upstream: upstream?.name, ...why },
                    fix: upstream ? replaceKubeSvc(obj.file, d, upstream) : null
                };
            }
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/kube-destinations-enabled.ts
/** kube-destinations-enabled: Gloo should not turn every Kubernetes Service into an in-memory Upstream. */






const kube_destinations_enabled_PATH = ['settings', 'disableKubernetesDestinations'];
const kube_destinations_enabled_CR_PATH = ['spec', 'gloo', 'disableKubernetesDestinations'];
const kube_destinations_enabled_SINCE = '1.3.3';
const isSettings = (apiVersion, kind) => kind === 'Settings' && apiVersion.startsWith('gloo.solo.io/');
/** Where the file sets the key somewhere the chart never reads it (the Settings CR path, or OSS keys at a gloo-ee root). */
function misplacedKey(v) {
    if (isTrue(values_getValue(v, ['settings', 'gloo', 'disableKubernetesDestinations'])?.node))
        return keyPath(v, ['settings', 'gloo', 'disableKubernetesDestinations']);
    if (v.chart !== 'gloo-ee')
        return undefined;
    for (const layer of v.layers) {
        const chartRoot = getNode(layer.root, layer.ossPath.slice(0, -1));
        if (isTrue(getNode(chartRoot, kube_destinations_enabled_PATH)))
            return [...layer.ossPath.slice(0, -1), ...kube_destinations_enabled_PATH].join('.');
    }
    return undefined;
}
/* harmony default export */ const kube_destinations_enabled = (defineRule({
    meta: {
        id: 'kube-destinations-enabled',
        category: 'security',
        severity: 'warning',
        kinds: ['values', 'gloo.solo.io/v1/Settings'],
        fixable: true,
        readsValuesFacts: true,
        description: 'Kubernetes destinations should be disabled so that routes reach services only through declared Upstreams.',
        remediation: 'Move routes that use kube destinations to Upstreams, then set settings.disableKubernetesDestinations: true in the values (Settings: spec.gloo.disableKubernetesDestinations: true).',
        messages: {
            values: '{{key}} is not true{{chart}}, and the chart default is false: Gloo turns every Kubernetes Service into an in-memory Upstream that any route can reach, at a cost in control-plane memory and translation time.',
            valuesInUse: '{{key}} is not true{{chart}}, and routes in this change use Kubernetes destinations ({{routes}}); migrate them to Upstreams first, then set it to true.',
            misplaced: '{{key}} is not true{{chart}}: {{misplaced}} is set instead, but the chart ignores that key, so Kubernetes destinations stay enabled.',
            settingsCreate: '{{key}} is false, so the chart renders no Settings resource and its settings.disableKubernetesDestinations has no effect: disable Kubernetes destinations in the separately managed Settings (spec.gloo.disableKubernetesDestinations: true).',
            oldChart: 'Chart {{version}} has no {{key}} (added in {{since}}): disable Kubernetes destinations in the Settings resource (spec.gloo.disableKubernetesDestinations: true) or upgrade the chart.',
            disable: 'Disable Kubernetes destinations once no route of the install uses one (declare the install complete: true in the config to have --fix apply this).',
            settings: "Settings '{{name}}' does not set spec.gloo.disableKubernetesDestinations: true: Gloo turns every Kubernetes Service into an in-memory Upstream that any route can reach.",
            settingsInUse: "Settings '{{name}}' keeps Kubernetes destinations enabled, and routes in this change use them ({{routes}}); migrate them to Upstreams first, then set spec.gloo.disableKubernetesDestinations: true."
        }
    },
    *checkValues(v, { project, install }) {
        const complete = install?.complete === true;
        // The Knative integration routes to Kubernetes destinations by design.
        if (project.knative)
            return;
        const create = values_getValue(v, ['settings', 'create']);
        if (create && isFalse(create.node)) {
            // The chart renders no Settings, so even a true value here changes nothing; a Settings resource in the
            // same change is checked on its own.
            if (project.settings > 0)
                return;
            yield { messageId: 'settingsCreate', node: create.node, data: { key: keyPath(v, ['settings', 'create']) } };
            return;
        }
        if (isTrue(values_getValue(v, kube_destinations_enabled_PATH)?.node))
            return;
        const key = keyPath(v, kube_destinations_enabled_PATH);
        const node = locate(v, kube_destinations_enabled_PATH);
        // The key is read from 1.3.3 (catalog 4.3): below, oldChart; the other verdicts rest on a chart that reads it.
        const chart = versionNote(v.chartVersion, kube_destinations_enabled_SINCE);
        if (isBefore(v.chartVersion, kube_destinations_enabled_SINCE)) {
            yield { messageId: 'oldChart', node, data: { key, version: v.chartVersion.raw, since: kube_destinations_enabled_SINCE } };
            return;
        }
        if (project.kubeDestinations.length) {
            yield { messageId: 'valuesInUse', node, data: { key, chart, routes: describeDestinations(project.kubeDestinations) } };
            return;
        }
        const misplaced = misplacedKey(v);
        if (misplaced) {
            // values-unknown-key moves the misplaced key; inserting here too would leave a duplicate.
            yield { messageId: 'misplaced', node, data: { key, chart, misplaced } };
            return;
        }
        // Safe only for a complete install: a route outside the checked files may still use a Kubernetes destination.
        yield { messageId: 'values', node, data: { key, chart }, ...safeIf(complete, values_setValueFix(v, kube_destinations_enabled_PATH, 'true'), 'disable') };
    },
    *checkObject(obj, { project, install }) {
        if (!isSettings(obj.apiVersion, obj.kind))
            return;
        if (project.knative)
            return;
        if (isTrue(getNode(obj.root, kube_destinations_enabled_CR_PATH)))
            return;
        const node = locatePath(obj.root, kube_destinations_enabled_CR_PATH);
        if (project.kubeDestinations.length) {
            yield { messageId: 'settingsInUse', node, data: { name: obj.name, routes: describeDestinations(project.kubeDestinations) } };
            return;
        }
        yield { messageId: 'settings', node, data: { name: obj.name }, ...safeIf(install?.complete === true, setPath(obj.file.edit, obj.root, kube_destinations_enabled_CR_PATH, 'true'), 'disable') };
    }
}));

;// CONCATENATED MODULE: ./src/gloo/security.ts






/** `gatewayProxies.<p>.podTemplate.glooContainerSecurityContext` */
const CONTAINER_SC = ['podTemplate', 'glooContainerSecurityContext'];

/**
 * The proxy's glooContainerSecurityContext when it takes effect: on charts that read it (\u2265 1.14.0-beta11, catalog
 * 4.3; older ones render a fixed block), and non-empty (the chart's `or $values $defaults` treats an empty dict as
 * unset). `mergePolicy: helm-merge` merges only where the chart reads it (\u2265 1.14.5/1.15.0-beta6); before, the map
 * replaces the defaults like any other.
 */
function customContext(v, proxy) {
    // The same map as contextMap's (one lookup for the rules that ask for either), read at this chart version.
    if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE))
        return null;
    const map = contextMap(v, proxy, CONTAINER_SC);
    return map && { found: map.found, merge: mergesAt(v, map) };
}
/** A proxy's value at `path`, and the chart path where it is written (its own key or gatewayProxy's). */
function proxySetting(v, proxy, path) {
    const found = proxyValue(v, proxy, path);
    if (!found)
        return null;
    return { ...found, path: found.inherited ? ['gatewayProxies', 'gatewayProxy', ...path] : values_proxyPath(proxy, path) };
}
/**
 * A scalar as Helm reads it. Argo CD `helm.parameters` are `--set` values, where `false` and `true` are
 * booleans even though the manifest quotes them; in YAML values a quoted "false" stays a (truthy) string.
 */
function helmValue(found) {
    if (!found)
        return undefined;
    const value = scalarValue(found.node);
    if (found.layer.synthetic && (value === 'true' || value === 'false'))
        return value === 'true';
    return value;
}
/**
 * The chart path a missing key under glooContainerSecurityContext goes to: the proxy's own map when it
 * has one, else the map it inherits from gatewayProxy (so the fix lands next to what it completes).
 */
function customPath(proxy, custom, sub) {
    const base = custom.found.inherited ? ['gatewayProxies', 'gatewayProxy', ...CONTAINER_SC] : values_proxyPath(proxy, CONTAINER_SC);
    return [...base, ...sub];
}
/**
 * Reports each node once per message: a value a custom proxy inherits from gatewayProxy is reported (and
 * fixed) once, for the first proxy that sees it.
 */
function reportOnce() {
    const seen = new Set();
    return (node, messageId) => {
        const k = `${node.start}:${node.end}:${messageId}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    };
}
/** `NET_BIND_SERVICE`, `CAP_NET_BIND_SERVICE` and `net_bind_service` name the same capability. */
const capabilityName = (s) => s.trim().toUpperCase().replace(/^CAP_/, '');
/** The items of a capabilities list (`add` or `drop`), by normalised name. */
function capabilityItems(seq) {
    const s = deref(seq);
    if (!s || s.kind !== 'seq')
        return [];
    const out = [];
    s.items.forEach((raw, index) => {
        const item = deref(raw);
        const name = asString(item);
        if (item && name !== undefined)
            out.push({ seq: s, index, item, name: capabilityName(name) });
    });
    return out;
}
/**
 * Removes one item of a list; when it is the only item, removes the whole `key: [item]` pair instead, so
 * no empty `add:` is left behind. Null when no safe edit exists.
 */
function removeListItem(src, ref) {
    if (ref.seq.items.length > 1) {
        const e = removeSeqItem(src, ref.seq, ref.index);
        return e ? [e] : null;
    }
    const map = ref.seq.parent;
    if (!map || map.kind !== 'map')
        return null;
    const pair = map.pairs.find((p) => deref(p.value) === ref.seq || p.value === ref.seq);
    const e = pair ? removePair(src, map, pair) : null;
    return e ? [e] : null;
}
/** Removes a `key: value` pair (e.g. `privileged: true`), falling back to replacing the value. */
function removeOrReplace(src, pair, replacement) {
    if (!pair)
        return null;
    const map = pair.key.parent;
    if (map && map.kind === 'map') {
        const e = removePair(src, map, pair);
        if (e)
            return [e];
    }
    const value = deref(pair.value);
    return value && value.kind === 'scalar' && !value.empty ? [{ range: [value.start, value.end], text: replacement }] : null;
}
/**
 * Appends a scalar item to a sequence in its own style: `[a]` \u2192 `[a, b]`, or a new `- b` line under the
 * last item. Null when the list's layout is not one of those.
 */
function appendSeqItem(src, seq, text) {
    if (seq.flow) {
        const close = seq.end - 1;
        if (src.text[close] !== ']')
            return null;
        return [{ range: [close, close], text: seq.items.length ? `, ${text}` : text }];
    }
    const last = seq.items[seq.items.length - 1];
    if (!last)
        return null;
    let dash = last.start - 1;
    while (dash > 0 && src.text[dash] !== '-')
        dash--;
    const lineStart = src.lines.lineStart(src.lineOf(dash));
    const indent = src.text.slice(lineStart, dash);
    if (indent.trim() !== '')
        return null;
    const at = src.nextLineStart(last.end);
    const needsEol = at === src.text.length && !/[\r\n]$/.test(src.text);
    return [{ range: [at, at], text: `${needsEol ? src.eol : ''}${indent}- ${text}${src.eol}` }];
}
const low = (n, from) => {
    const port = asNumber(n);
    return n && port !== undefined && port > 0 && port < 1024 ? { port, node: n, from } : null;
};
/** How a message names a low port's origin: ` (Gateway 'gateway-ssl')`, or nothing for the proxy's own port. */
const lowPortOrigin = (p) => (p.from ? ` (${p.from.kind} '${p.from.name}')` : '');
/** Ports below 1024 a proxy binds according to its values (`httpPort`, `httpsPort`, `extraPorts`). */
function valuesLowPorts(v, proxy) {
    const out = [];
    for (const key of ['httpPort', 'httpsPort']) {
        const p = low(proxyValue(v, proxy, ['podTemplate', key])?.node);
        if (p)
            out.push(p);
    }
    for (const item of seqItems(proxyValue(v, proxy, ['podTemplate', 'extraPorts'])?.node)) {
        const p = low(getNode(item, ['containerPort']));
        if (p)
            out.push(p);
    }
    return out;
}
/** The chart's `kind.daemonSet.hostPort: true` renders `hostNetwork: true` (unless `hostNetwork: false`). */
function valuesHostNetwork(v, proxy) {
    return isTrue(proxyValue(v, proxy, ['kind', 'daemonSet', 'hostPort'])?.node) && !isFalse(proxyValue(v, proxy, ['kind', 'daemonSet', 'hostNetwork'])?.node);
}
/** Ports below 1024 of a rendered Envoy container (`containerPort`, `hostPort`). */
function renderedLowPorts(container) {
    const out = [];
    for (const port of seqItems(getNode(container, ['ports'])))
        for (const key of ['containerPort', 'hostPort']) {
            const p = low(getNode(port, [key]));
            if (p)
                out.push(p);
        }
    return out;
}
/**
 * Gateway resources of the run that bind a port below 1024 on the named proxy. Envoy's listeners come from
 * `Gateway.spec.bindPort`; `containerPort` is informational, so a Gateway is the stronger evidence.
 */
function gatewayLowPorts(project, proxyName) {
    // Indexed once per run: rules ask per proxy, and a scan of every object per proxy is quadratic.
    const index = perProject(project, 'gatewayLowPorts', (p) => {
        const m = new Map();
        for (const obj of p.objects) {
            if (obj.kind !== 'Gateway' || !obj.apiVersion.startsWith('gateway.solo.io/'))
                continue;
            const lp = low(getNode(obj.root, ['spec', 'bindPort']), obj);
            if (!lp)
                continue;
            const names = seqItems(getNode(obj.root, ['spec', 'proxyNames'])).map((n) => asString(n) ?? '');
            for (const name of names.length ? names : ['gateway-proxy']) {
                const list = m.get(name);
                if (list)
                    list.push(lp);
                else
                    m.set(name, [lp]);
            }
        }
        return m;
    });
    return index.get(proxyName) ?? [];
}
// ---------------------------------------------------------------------------------------------------------
// Rendered containers
/** The container's `securityContext` pair, if any. */
function securityContextPair(container) {
    return findPair(container, 'securityContext');
}
/** What a finding about a container without the key points at: its `securityContext` key, else its `name` key. */
function containerAnchor(container, sub = []) {
    let node = container;
    let anchor = null;
    for (const seg of ['securityContext', ...sub]) {
        const pair = query_findPair(node, seg);
        if (!pair)
            break;
        anchor = pair.key;
        node = deref(pair.value);
    }
    return anchor ?? query_findPair(container, 'name')?.key ?? container.pairs[0]?.key ?? container;
}
/** A map is empty when it is `{}` or a null scalar (`securityContext:`). */
function isEmptyMap(node) {
    const n = deref(node);
    if (!n)
        return true;
    if (n.kind === 'map')
        return mapEntries(n).length === 0;
    return n.kind === 'scalar' && scalarValue(n) === null;
}
/** The rendered proxy's name for messages. */
const proxyLabel = (p) => p.name || str(p.container, ['name']) || 'gateway-proxy';
// ---------------------------------------------------------------------------------------------------------
// Replaced defaults, seccomp and sidecars: the chart's securityContext helpers (1.22.1 H:228-300)
/** `gatewayProxies.<p>.podTemplate.podSecurityContext` */
const POD_SC = ['podTemplate', 'podSecurityContext'];
/** First charts that read `glooContainerSecurityContext`, `podSecurityContext` and the sidecars' securityContext keys (catalog 4.3). */
const SECURITY_CONTEXT_SINCE = '1.14.0-beta11';
/** First charts whose securityContext helper reads `mergePolicy` (catalog 4.3); before, the key is rendered literally. */
const MERGE_POLICY_SINCE = '1.14.5/1.15.0-beta6';
/**
 * First charts with `global.podSecurityStandards` (catalog 4.3). They are also the first to render the sidecars'
 * securityContext through the `gloo.containerSecurityContext` helper (mergePolicy, PSS defaults): 1.16.13 and
 * 1.17.0-beta28 still write `global.glooMtls.sds.securityContext` as it is.
 */
const PSS_SINCE = '1.16.14/1.17.0-beta29';
/** First charts where `global.securitySettings.floatingUserId` unsets runAsUser and drops the proxy pod context (catalog 4.3). */
const GLOBAL_FLOATING_SINCE = '1.17.3/1.18.0-beta14';
/** First chart where `global.istioIntegration.enabled` adds the sds and istio-proxy sidecars (catalog 1.5, 4.2). */
const ISTIO_INTEGRATION_SIDECARS_SINCE = '1.17.0';
/**
 * The values seen from their root: Helm's globals stay at the root of every layer, also in gloo-ee and in an
 * umbrella chart, so a `global.*` key is looked up, located and fixed as a chart key at the root.
 */
function globalValues(v) {
    return { ...v, chart: 'gloo', prefix: '', layers: v.layers.map((l) => ({ ...l, ossPath: [] })) };
}
/**
 * A proxy's securityContext map at `sub` (`CONTAINER_SC`, `POD_SC`) when it is non-empty, the way `customContext`
 * reads glooContainerSecurityContext, plus where its `mergePolicy` is written.
 */
function contextMap(v, proxy, sub) {
    // Rules and their exceptions ask for it many times per proxy: worked out once per values, proxy and map. The
    // callers name the map by one of two constants (CONTAINER_SC, POD_SC): the list itself is the key, no string made.
    const bySub = perProxy(contextMaps, v, proxy, (newMap));
    let out = bySub.get(sub);
    if (out === undefined)
        bySub.set(sub, (out = computeContextMap(v, proxy, sub)));
    return out;
}
const contextMaps = memoKind('context maps');
function computeContextMap(v, proxy, sub) {
    const nonEmpty = (f) => {
        const map = f ? deref(f.node) : null;
        return !!map && map.kind === 'map' && mapEntries(map).length > 0;
    };
    const ownPath = values_proxyPath(proxy, sub);
    const basePath = ['gatewayProxies', 'gatewayProxy', ...sub];
    const own = values_getValue(v, ownPath);
    const base = proxy.inherits ? values_getValue(v, basePath) : null;
    let out;
    if (nonEmpty(own))
        out = { found: { ...own, inherited: false }, path: ownPath };
    else if (nonEmpty(base))
        out = { found: { ...base, inherited: true }, path: basePath };
    else
        return null;
    const policy = proxySetting(v, proxy, [...sub, 'mergePolicy']);
    const value = policy ? asString(policy.node) : undefined;
    if (policy && value !== undefined)
        out.policy = { ...policy, value };
    return out;
}
/** True when `mergePolicy: helm-merge` merges the map into the chart's defaults at this chart version. */
const mergesAt = (v, map, since = MERGE_POLICY_SINCE) => !!map && map.policy?.value === 'helm-merge' && version_hasSince(v.chartVersion, since);
const PSS_SWITCH = ['podSecurityStandards', 'container', 'enableRestrictedContainerDefaults'];
/**
 * The PSS restricted container defaults, when the chart reads them and the switch is on: `runAsNonRoot: true`,
 * `drop: [ALL]`, `allowPrivilegeEscalation: false` and a seccompProfile merged into every container's defaults,
 * sidecars included (1.22.1 H:261-300).
 */
function restrictedDefaults(v) {
    return perValues(restricted, v, computeRestrictedDefaults);
}
const restricted = memoKind('restricted defaults');
function computeRestrictedDefaults(v) {
    if (!version_hasSince(v.chartVersion, PSS_SINCE))
        return null;
    const found = getGlobal(v, [...PSS_SWITCH]);
    if (!helmTruthy(found))
        return null;
    const type = getGlobal(v, ['podSecurityStandards', 'container', 'defaultSeccompProfileType']);
    return { found: found, seccompType: (helmTruthy(type) && asString(type?.node)) || 'RuntimeDefault' };
}
const proxyTruthy = (v, proxy, path, chartDefault) => {
    const found = proxyValue(v, proxy, path);
    return found ? helmTruthy(found) : chartDefault;
};
/** floatingUserId (the proxy's, or the global one on charts that read it): runAsUser is left out. */
function floatingUser(v, proxy) {
    return perProxy(floating, v, proxy, computeFloatingUser);
}
const floating = memoKind('floating user');
function computeFloatingUser(v, proxy) {
    const own = proxyValue(v, proxy, ['podTemplate', 'floatingUserId']);
    if (helmTruthy(own))
        return own;
    const global = version_hasSince(v.chartVersion, GLOBAL_FLOATING_SINCE) ? getGlobal(v, ['securitySettings', 'floatingUserId']) : null;
    return helmTruthy(global) ? global : null;
}
const userDefault = (v, proxy, key) => asNumber(proxyValue(v, proxy, ['podTemplate', key])?.node) ?? 10101;
/**
 * The Envoy container's securityContext defaults on charts \u2265 1.14.0-beta11 (1.22.1 T7:218-223): `runAsNonRoot:
 * <runUnprivileged>`, `runAsUser` (not with floatingUserId), `capabilities` (drop ALL, add NET_BIND_SERVICE unless
 * disableNetBind), `readOnlyRootFilesystem: true`, `allowPrivilegeEscalation: false`, and the PSS restricted
 * defaults merged in. Zero values (`runAsNonRoot: false`) are left out: they are what a missing key gives.
 */
function envoyContainerDefaults(v, proxy) {
    return perProxy(containerDefaults, v, proxy, computeEnvoyContainerDefaults);
}
const containerDefaults = memoKind('container defaults');
function computeEnvoyContainerDefaults(v, proxy) {
    const pss = restrictedDefaults(v);
    const out = [
        { path: ['readOnlyRootFilesystem'], value: true, label: 'readOnlyRootFilesystem: true', hardening: true },
        { path: ['allowPrivilegeEscalation'], value: false, label: 'allowPrivilegeEscalation: false', hardening: true },
        { path: ['capabilities', 'drop'], value: ['ALL'], label: 'capabilities.drop: [ALL]', hardening: true }
    ];
    // runUnprivileged and disableNetBind default to true on every chart with these keys (catalog 4.1).
    if (!proxyTruthy(v, proxy, ['podTemplate', 'disableNetBind'], true))
        out.push({ path: ['capabilities', 'add'], value: ['NET_BIND_SERVICE'], label: 'capabilities.add: [NET_BIND_SERVICE]', hardening: false });
    // PSS merges runAsNonRoot: true over a false runUnprivileged (Helm's merge refills zero values).
    if (pss || proxyTruthy(v, proxy, ['podTemplate', 'runUnprivileged'], true))
        out.push({ path: ['runAsNonRoot'], value: true, label: 'runAsNonRoot: true', hardening: true });
    const user = userDefault(v, proxy, 'runAsUser');
    if (!floatingUser(v, proxy) && user !== 0)
        out.push({ path: ['runAsUser'], value: user, label: `runAsUser: ${user}`, hardening: true });
    if (pss)
        out.push({ path: ['seccompProfile', 'type'], value: pss.seccompType, label: `seccompProfile.type: ${pss.seccompType}`, hardening: true });
    return out;
}
/**
 * True when a replacing glooContainerSecurityContext merely leaves out `path` (below the map) while the chart's
 * default for it hardens Envoy: that lost default is proxy-security-context-replaced's finding (catalog section 2,
 * "keys only missing from a replacing context"), so the rules about the key itself stay silent \u2014 one finding per
 * cause. A key written with a weak value is still theirs.
 */
function leftOutOfReplacement(v, proxy, path) {
    if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE))
        return false;
    const map = contextMap(v, proxy, CONTAINER_SC);
    if (!map || mergesAt(v, map))
        return false;
    if (proxySetting(v, proxy, [...CONTAINER_SC, ...path]))
        return false;
    const key = path.join('.');
    return envoyContainerDefaults(v, proxy).some((e) => e.hardening && e.path.join('.') === key);
}
/** The proxy pod's securityContext defaults (1.22.1 T7:104-110): `fsGroup` and `runAsUser` (not with floatingUserId). */
function proxyPodDefaults(v, proxy) {
    const out = [];
    const group = userDefault(v, proxy, 'fsGroup');
    if (group !== 0)
        out.push({ path: ['fsGroup'], value: group, label: `fsGroup: ${group}`, hardening: true });
    const user = userDefault(v, proxy, 'runAsUser');
    if (!floatingUser(v, proxy) && user !== 0)
        out.push({ path: ['runAsUser'], value: user, label: `runAsUser: ${user}`, hardening: true });
    return out;
}
/** The proxy pod gets a securityContext at all: `enablePodSecurityContext` (default true) and no global floatingUserId. */
function podContextRendered(v, proxy) {
    if (!proxyTruthy(v, proxy, ['podTemplate', 'enablePodSecurityContext'], true))
        return false;
    const global = version_hasSince(v.chartVersion, GLOBAL_FLOATING_SINCE) ? getGlobal(v, ['securitySettings', 'floatingUserId']) : null;
    return !helmTruthy(global);
}
/** A value Helm's `merge` treats as empty and refills from the defaults: false, 0, "", null, [] or {}. */
function isHelmEmpty(node) {
    const n = deref(node);
    if (!n)
        return true;
    if (n.kind === 'map')
        return mapEntries(n).length === 0;
    if (n.kind === 'seq')
        return n.items.length === 0;
    const value = scalarValue(n);
    return value === null || value === false || value === 0 || value === '';
}
/** `gatewayProxies.<p>.kubeResourceOverride.spec.template.spec`: merged onto the rendered pod spec (proxy Deployment \u2265 1.8.0-beta14). */
const OVERRIDE_POD_SPEC = ['kubeResourceOverride', 'spec', 'template', 'spec'];
/** First chart that merges a proxy's kubeResourceOverride onto its Deployment (catalog 4.3). */
const security_OVERRIDE_SINCE = '1.8.0-beta14';
/**
 * The Envoy container of a proxy's `kubeResourceOverride` containers list, which replaces the rendered list whole
 * (Helm's mergeOverwrite replaces lists): the item named like the proxy, else the one running envoy-wrapper, else
 * the only one. Read from the proxy's own values: the chart does not inherit kubeResourceOverride (1.22.1 T7:521).
 */
function overrideEnvoyContainer(v, proxy) {
    const found = values_getValue(v, values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers']));
    if (!found)
        return null;
    const maps = seqItems(found.node).filter((c) => c.kind === 'map');
    const container = maps.find((c) => str(c, ['name']) === proxy.name) ?? maps.find((c) => /envoy-wrapper/.test(str(c, ['image']) ?? '')) ?? (maps.length === 1 ? maps[0] : undefined);
    return container ? { found, container } : null;
}

;// CONCATENATED MODULE: ./src/rules/proxy-anti-affinity.ts







const ANTI_AFFINITY = ['antiAffinity'];
/**
 * First chart that renders `gatewayProxies.<p>.affinity` (7-gateway-proxy-deployment.yaml: absent in v1.7.0-beta16
 * and the whole 1.6 line, `{{ if or ($spec.antiAffinity) ($spec.affinity) }}` from v1.7.0-beta17). Not in catalog 4.3.
 */
const AFFINITY_SINCE = '1.7.0-beta17';
/** First charts that render `gatewayProxies.<p>.topologySpreadConstraints` (catalog row and section 4.3). */
const SPREAD_SINCE = '1.11.48/1.12.41/1.13.3/1.14.0-beta4';
/** A non-empty map or list (Helm renders neither `{}` nor `[]`). */
function nonEmpty(node) {
    const n = deref(node);
    return !!n && ((n.kind === 'map' && n.pairs.length > 0) || (n.kind === 'seq' && n.items.length > 0));
}
/** The keys that place a proxy's pods apart: path, first chart that renders it, inherited from gatewayProxy. */
const SPREAD_CANDIDATES = [
    [['affinity'], AFFINITY_SINCE, true],
    [['topologySpreadConstraints'], SPREAD_SINCE, true],
    [[...OVERRIDE_POD_SPEC, 'affinity'], security_OVERRIDE_SINCE, false],
    [[...OVERRIDE_POD_SPEC, 'topologySpreadConstraints'], security_OVERRIDE_SINCE, false]
];
/**
 * Where the values place the proxy pods apart (catalog row: `antiAffinity: true`, `affinity`,
 * `topologySpreadConstraints`, all merged from `gatewayProxy`), or the pod spec the proxy's own
 * `kubeResourceOverride` merges onto the Deployment (\u2265 1.8.0-beta14, not inherited: 1.22.1 T7:521) \u2014 each only on
 * the charts that render it.
 */
function spreadOf(v, proxy) {
    const out = { ignored: [] };
    for (const [path, since, inherited] of SPREAD_CANDIDATES) {
        const found = inherited ? proxyValue(v, proxy, path) : values_getValue(v, values_proxyPath(proxy, path));
        if (!nonEmpty(found?.node))
            continue;
        if (!version_hasSince(v.chartVersion, since))
            out.ignored.push({ key: keyPath(v, values_proxyPath(proxy, path)), since });
        else if (!out.by)
            out.by = path.join('.');
    }
    return out;
}
const plural = (n) => `${n} pod${n === 1 ? '' : 's'}`;
/** The chart's anti-affinity term, on the narrowest proxy label the pods carry. */
function antiAffinityTerm(labels) {
    const [label, value] = labels.has('gateway-proxy-id') ? ['gateway-proxy-id', labels.get('gateway-proxy-id')] : labels.get('gloo') === 'gateway-proxy' ? ['gloo', 'gateway-proxy'] : [];
    if (!label || !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(value))
        return null;
    return {
        preferredDuringSchedulingIgnoredDuringExecution: `[{weight: 100, podAffinityTerm: {labelSelector: {matchLabels: {${label}: ${value}}}, topologyKey: kubernetes.io/hostname}}]`
    };
}
/* harmony default export */ const proxy_anti_affinity = (defineRule({
    meta: {
        id: 'proxy-anti-affinity',
        category: 'reliability',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment'],
        fixable: true,
        description: 'The pods of a replicated gateway proxy should be spread across nodes.',
        remediation: 'Set gatewayProxies.<proxy>.antiAffinity: true (or affinity / topologySpreadConstraints), or give the rendered proxy pod spec a podAntiAffinity or topologySpreadConstraints.',
        messages: {
            values: "{{key}} is {{state}} and gateway proxy '{{proxy}}' runs {{pods}} with no affinity or topologySpreadConstraints{{ignored}}: its pods may share a node, so losing that node drops all its traffic.",
            rendered: "Gateway proxy '{{name}}' runs {{pods}} with no affinity or topologySpreadConstraints: its pods may share a node, so losing that node drops all its traffic."
        }
    },
    *checkValues(v, { project }) {
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const scale = valuesScale(v, proxy, project);
            // The chart adds anti-affinity only to Deployments; a DaemonSet runs one pod per node anyway.
            if (scale.daemonSet)
                continue;
            const hpaMax = scale.hpa?.found
                ? asNumber(getNode(scale.hpa.found.node, ['maxReplicas']))
                : scale.hpa?.obj
                    ? asNumber(getNode(scale.hpa.obj.root, ['spec', 'maxReplicas']))
                    : undefined;
            const pods = scale.hpa ? hpaMax : scale.replicas;
            if (pods !== undefined && pods < 2)
                continue;
            const found = proxyValue(v, proxy, ANTI_AFFINITY);
            if (isTrue(found?.node))
                continue;
            const spread = spreadOf(v, proxy);
            if (spread.by)
                continue;
            const ignored = spread.ignored.length
                ? ` (chart ${v.chartVersion.raw} does not render ${spread.ignored.map((i) => `${i.key} (from ${i.since})`).join(' or ')})`
                : '';
            const covered = coveredByDefault(v, proxy, ANTI_AFFINITY, fixedOnDefault);
            const fix = covered ? null : values_setValueFix(v, values_proxyPath(proxy, ANTI_AFFINITY), 'true');
            if (proxy.isDefault && fix)
                fixedOnDefault.add(ANTI_AFFINITY.join('.'));
            yield {
                messageId: 'values',
                node: locate(v, values_proxyPath(proxy, ANTI_AFFINITY)),
                data: {
                    key: keyPath(v, values_proxyPath(proxy, ANTI_AFFINITY)),
                    state: describeSetting(v, ANTI_AFFINITY, found, 'false'),
                    proxy: proxy.name,
                    ignored,
                    pods: scale.hpa ? (pods === undefined ? 'an autoscaled number of pods' : `up to ${plural(pods)} (autoscaler maxReplicas)`) : plural(pods)
                },
                fix,
                key: proxy.name
            };
        }
    },
    *checkObject(obj, { project }) {
        const proxy = renderedProxy(obj);
        if (!proxy?.podSpec || proxy.daemonSet)
            return;
        const hpas = hpasFor(project, proxy.name, obj.namespace);
        const pods = hpas.length ? Math.max(...hpas.map((h) => asNumber(getNode(h.root, ['spec', 'maxReplicas'])) ?? 2)) : renderedReplicas(proxy);
        if (pods < 2)
            return;
        // Any affinity counts, as `affinity` does in the values (catalog row): the same verdict for both forms.
        if (nonEmpty(getNode(proxy.podSpec, ['affinity'])) || nonEmpty(getNode(proxy.podSpec, ['topologySpreadConstraints'])))
            return;
        const labels = new Map(mapEntries(getNode(obj.root, ['spec', 'template', 'metadata', 'labels'])).map((p) => [keyOf(p), asString(p.value) ?? '']));
        const term = antiAffinityTerm(labels);
        yield {
            messageId: 'rendered',
            node: locatePath(obj.root, ['spec', 'template', 'spec', 'affinity', 'podAntiAffinity']),
            data: { name: proxy.name, pods: hpas.length ? `up to ${plural(pods)} (HorizontalPodAutoscaler maxReplicas)` : plural(pods) },
            // Preferred (not required) anti-affinity never leaves a pod unscheduled, so the edit is safe to apply.
            fix: term ? setPath(obj.file.edit, proxy.podSpec, ['affinity', 'podAntiAffinity'], term) : null
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-core-dumps.ts
/** Envoy should not write core files: a core dump of a gateway proxy holds its TLS keys and tokens. */





const proxy_core_dumps_PATH = ['disableCoreDumps'];
/** First chart of each release line that renders `DISABLE_CORE_DUMPS` from the key (catalog section 4.3). */
const proxy_core_dumps_SINCE = '1.12.43/1.13.5/1.14.0-beta7';
/* harmony default export */ const proxy_core_dumps = (defineRule({
    meta: {
        id: 'proxy-core-dumps',
        category: 'security',
        severity: 'notice',
        kinds: ['values'],
        fixable: true,
        description: 'Gateway proxies should not write core dumps, which hold their keys and tokens.',
        remediation: 'Set gatewayProxies.<proxy>.disableCoreDumps: true (chart 1.12.43, 1.13.5, 1.14.0-beta7 and later).',
        messages: {
            values: "{{key}} is {{state}}: a crash of gateway proxy '{{proxy}}' can write a core file holding Envoy's memory, TLS private keys and tokens included.",
            disable: 'Set {{key}}: true (check first that no one collects Envoy core dumps for debugging).'
        }
    },
    *checkValues(v) {
        if (!version_hasSince(v.chartVersion, proxy_core_dumps_SINCE))
            return;
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const found = proxyValue(v, proxy, proxy_core_dumps_PATH);
            if (isTrue(found?.node))
                continue;
            const path = values_proxyPath(proxy, proxy_core_dumps_PATH);
            const edits = coveredByDefault(v, proxy, proxy_core_dumps_PATH, fixedOnDefault) ? null : values_setValueFix(v, path, 'true');
            if (proxy.isDefault && edits?.length)
                fixedOnDefault.add(proxy_core_dumps_PATH.join('.'));
            // Safe only when the chart is known to read the key (catalog section 2, F1: an unknown version may be
            // older) and the fix reverses no value a human wrote (an explicit `false` may be deliberate).
            const safe = v.chartVersion !== undefined && isUnset(found?.node);
            const data = { key: keyPath(v, path), state: withNote(describeSetting(v, proxy_core_dumps_PATH, found, 'false'), versionNote(v.chartVersion, proxy_core_dumps_SINCE)), proxy: proxy.name };
            yield {
                messageId: 'values',
                node: locate(v, path),
                data,
                fix: safe ? edits : null,
                suggest: !safe && edits?.length ? [{ messageId: 'disable', edits }] : undefined,
                key: proxy.name
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-disruption-budget.ts





/** First chart that renders a PodDisruptionBudget from `gatewayProxies.<p>.podDisruptionBudget` (catalog 4.3). */
const PDB_SINCE = '1.7.0-beta21';
const PDB = ['podDisruptionBudget'];
const MIN = [...PDB, 'minAvailable'];
const MAX = [...PDB, 'maxUnavailable'];
const proxy_disruption_budget_plural = (n) => `${n} pod${n === 1 ? '' : 's'}`;
/**
 * Pods a PDB keeps from eviction when the workload runs `pods` of them; Kubernetes rounds percentages up.
 * Undefined when the value is neither an integer nor a percentage.
 */
function proxy_disruption_budget_resolve(node, pods) {
    const n = asNumber(node);
    if (n !== undefined)
        return n;
    const m = /^(\d+)%$/.exec(asString(node) ?? '');
    return m ? Math.ceil((pods * Number(m[1])) / 100) : undefined;
}
/**
 * Whether a PDB spec blocks every voluntary eviction of a workload running at least `pods` pods: nothing may
 * go (`maxUnavailable: 0`) or all must stay (`minAvailable` \u2265 pods). `pods` undefined: only what blocks at
 * any size (`maxUnavailable: 0`, `minAvailable: 100%`).
 */
function blocking(spec, pods) {
    const maxPair = query_findPair(spec, 'maxUnavailable');
    const max = deref(maxPair?.value);
    if (max && proxy_disruption_budget_resolve(max, pods ?? 1) === 0)
        return { field: 'maxUnavailable', node: max, pair: maxPair };
    const minPair = query_findPair(spec, 'minAvailable');
    const min = deref(minPair?.value);
    if (!min || max)
        return null;
    const always = asString(min) === '100%';
    if (always || (pods !== undefined && (proxy_disruption_budget_resolve(min, pods) ?? 0) >= pods))
        return { field: 'minAvailable', node: min, pair: minPair };
    return null;
}
/** The fix for a blocking budget: `minAvailable: n` becomes `maxUnavailable: 1`, `maxUnavailable: 0` becomes 1. */
function unblock(b) {
    if (!b.pair || b.pair.key.kind !== 'scalar')
        return null;
    if (b.field === 'maxUnavailable')
        return b.node.kind === 'scalar' ? [{ range: [b.node.start, b.node.end], text: '1' }] : null;
    return [{ range: [b.pair.key.start, b.node.end], text: 'maxUnavailable: 1' }];
}
/** Fewest pods a rendered proxy runs: its HPA's floor when one scales it, else spec.replicas. */
function renderedPods(hpas, replicas) {
    if (hpas.length) {
        const min = Math.max(...hpas.map(hpaMinReplicas));
        return { pods: min, how: `as few as ${proxy_disruption_budget_plural(min)} (HorizontalPodAutoscaler minReplicas)` };
    }
    return { pods: replicas, how: proxy_disruption_budget_plural(replicas) };
}
/* harmony default export */ const proxy_disruption_budget = (defineRule({
    meta: {
        id: 'proxy-disruption-budget',
        category: 'reliability',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment', 'policy/v1/PodDisruptionBudget', 'policy/v1beta1/PodDisruptionBudget'],
        fixable: true,
        description: 'Every gateway proxy Deployment needs a PodDisruptionBudget that still lets pods be evicted one at a time.',
        remediation: 'Set gatewayProxies.<proxy>.podDisruptionBudget: {maxUnavailable: 1} (or a minAvailable below the replica count), or give the rendered proxy a PodDisruptionBudget that allows at least one eviction.',
        messages: {
            missing: "{{key}} is not set{{chart}}: gateway proxy '{{proxy}}' has no PodDisruptionBudget, so a node drain or cluster upgrade may evict all its pods at once.",
            missingOldChart: "Gateway proxy '{{proxy}}' has no PodDisruptionBudget, and chart {{version}} renders none from the values (podDisruptionBudget is read from 1.7.0-beta21): add a PodDisruptionBudget selecting gateway-proxy-id: {{proxy}}, or upgrade the chart.",
            blocks: "{{key}} is {{value}} while gateway proxy '{{proxy}}' runs {{pods}}: the PodDisruptionBudget blocks every voluntary eviction, so node drains and cluster upgrades stall.",
            renderedMissing: "No PodDisruptionBudget among the checked files selects gateway proxy '{{name}}' (gateway-proxy-id: {{name}}), so a node drain or cluster upgrade may evict all its pods at once.",
            renderedBlocks: "PodDisruptionBudget '{{pdb}}' sets {{field}}: {{value}} while gateway proxy '{{name}}' runs {{pods}}: it blocks every voluntary eviction, so node drains and cluster upgrades stall."
        }
    },
    *checkValues(v, { project }) {
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const scale = valuesScale(v, proxy, project);
            // kubectl drain skips DaemonSet pods, so a budget would guard nothing.
            if (scale.daemonSet)
                continue;
            const pdb = proxyValue(v, proxy, PDB);
            const spec = deref(pdb?.node);
            // The chart renders the budget only for a non-empty map (`{{ if $spec.podDisruptionBudget }}`).
            if (!spec || spec.kind !== 'map' || spec.pairs.length === 0) {
                // A PodDisruptionBudget object elsewhere in the run covers the proxy, and is checked there.
                if (workloadIndex(project).pdbsByProxyId.has(proxy.name))
                    continue;
                // Before 1.7.0-beta21 the chart has no podDisruptionBudget key: a fix must not write a key it ignores.
                if (isBefore(v.chartVersion, PDB_SINCE)) {
                    yield { messageId: 'missingOldChart', node: locate(v, values_proxyPath(proxy, PDB)), data: { proxy: proxy.name, version: v.chartVersion.raw }, key: proxy.name };
                    continue;
                }
                const covered = coveredByDefault(v, proxy, PDB, fixedOnDefault);
                const fix = covered ? null : values_setValueFix(v, values_proxyPath(proxy, PDB), { maxUnavailable: '1' });
                if (proxy.isDefault && fix)
                    fixedOnDefault.add(PDB.join('.'));
                yield { messageId: 'missing', node: locate(v, values_proxyPath(proxy, PDB)), data: { key: keyPath(v, values_proxyPath(proxy, PDB)), proxy: proxy.name, chart: versionNote(v.chartVersion, PDB_SINCE) }, fix, key: proxy.name };
                continue;
            }
            const pods = minimumPods(scale);
            const b = blocking(spec, pods);
            if (!b)
                continue;
            const path = b.field === 'minAvailable' ? MIN : MAX;
            // An inherited minAvailable cannot be removed from the custom proxy (Helm merges maps), and
            // parameters hold no real key to rename.
            const own = !pdb.inherited && !pdb.layer.synthetic;
            yield {
                messageId: 'blocks',
                severity: 'warning',
                node: b.node,
                data: {
                    key: keyPath(v, values_proxyPath(proxy, path)),
                    value: asString(b.node) ?? '',
                    proxy: proxy.name,
                    pods: scale.hpa ? `as few as ${proxy_disruption_budget_plural(pods)} (autoscaler minReplicas)` : proxy_disruption_budget_plural(pods)
                },
                fix: own ? unblock(b) : null,
                key: proxy.name
            };
        }
    },
    *checkObject(obj, { project }) {
        if (obj.kind === 'PodDisruptionBudget') {
            const targets = proxiesForPdb(project, obj).filter((p) => !p.daemonSet);
            const selectsProxy = targets.length > 0 || !!getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id']);
            if (!selectsProxy)
                return;
            const sizes = targets.map((p) => renderedPods(hpasFor(project, p.name, p.namespace), p.replicas));
            const fewest = sizes.length ? sizes.reduce((a, b) => (b.pods < a.pods ? b : a)) : undefined;
            const b = blocking(getNode(obj.root, ['spec']), fewest?.pods);
            if (!b)
                return;
            const name = targets[0]?.name ?? asString(getNode(obj.root, ['spec', 'selector', 'matchLabels', 'gateway-proxy-id'])) ?? '';
            yield {
                messageId: 'renderedBlocks',
                severity: 'warning',
                node: b.node,
                data: { pdb: obj.name, field: b.field, value: asString(b.node) ?? '', name, pods: fewest?.how ?? 'any number of pods' },
                fix: unblock(b)
            };
            return;
        }
        const proxy = renderedProxy(obj);
        if (!proxy || proxy.daemonSet)
            return;
        if (pdbsForProxy(project, proxyFact(proxy)).length)
            return;
        yield { messageId: 'renderedMissing', node: locatePath(obj.root, ['metadata', 'name']), data: { name: proxy.name } };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-graceful-shutdown.ts
/** proxy-graceful-shutdown: gateway proxy pods should fail their health check and drain before Envoy stops. */






const ENABLED = ['podTemplate', 'gracefulShutdown', 'enabled'];
const SLEEP = ['podTemplate', 'gracefulShutdown', 'sleepTimeSeconds'];
const TGPS = ['podTemplate', 'terminationGracePeriodSeconds'];
/** Where people put the setting by mistake: directly under the proxy, which the chart never reads. */
const MISPLACED = ['gracefulShutdown'];
/** Chart default of sleepTimeSeconds, and Kubernetes' default grace period (the chart renders none unless set). */
const CHART_SLEEP = 25;
const KUBE_GRACE = 30;
/** Solo's zero-downtime values: fail the health check, sleep 5 s, let Envoy exit within 7 s. */
const FIX_SLEEP = 5;
/** Seconds Envoy gets after the preStop sleep to finish and exit. */
const EXIT_MARGIN = 2;
/** First charts that read `podTemplate.gracefulShutdown` and `terminationGracePeriodSeconds` (catalog 4.3). */
const GRACEFUL_SINCE = '1.4.8/1.5.0-beta14';
/** The Gateway health-check filter that makes a failed Envoy health check visible to load balancers. */
const HEALTH_CHECK = ['gatewaySettings', 'customHttpGateway', 'options', 'healthCheck'];
/** Every edit of this rule needs a human (timings depend on the load balancer): a suggestion, never `--fix`. */
const suggestion = (messageId, edits) => (edits?.length ? [{ messageId, edits }] : undefined);
/* harmony default export */ const proxy_graceful_shutdown = (defineRule({
    meta: {
        id: 'proxy-graceful-shutdown',
        category: 'reliability',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: 'Gateway proxy pods should fail their health check and drain before Envoy stops.',
        remediation: 'Set gatewayProxies.<proxy>.podTemplate.gracefulShutdown: {enabled: true, sleepTimeSeconds: 5} and podTemplate.terminationGracePeriodSeconds above the sleep (7), or give the rendered Envoy container a preStop hook and a longer grace period.',
        messages: {
            disabled: "{{key}} is {{state}}: gateway proxy '{{proxy}}' pods stop without failing Envoy's health check and draining first, so rollouts and scale-downs drop in-flight requests.{{healthCheck}}",
            misplaced: "{{key}} is {{state}}, and {{misplaced}} is not read by the chart (it belongs under podTemplate): gateway proxy '{{proxy}}' pods stop without draining.",
            tooShort: "{{key}} is {{grace}}, not more than the preStop sleep ({{sleepKey}} is {{sleep}}){{chart}}: Kubernetes kills Envoy of gateway proxy '{{proxy}}' before it finishes draining.{{healthCheck}}",
            renderedNoPreStop: "The Envoy container '{{container}}' of gateway proxy '{{name}}' has no preStop hook, so pods stop without failing Envoy's health check and draining first.",
            renderedTooShort: "terminationGracePeriodSeconds of gateway proxy '{{name}}' is {{grace}}, not more than its preStop sleep of {{sleep}} s: Kubernetes kills Envoy before it finishes draining."
        }
    },
    *checkValues(v) {
        // Older charts have no gracefulShutdown key at all (values-key-unsupported-version reports one written there).
        if (!version_hasSince(v.chartVersion, GRACEFUL_SINCE))
            return;
        // Every verdict below rests on a chart with the gracefulShutdown keys (catalog 4.3).
        const chart = versionNote(v.chartVersion, GRACEFUL_SINCE);
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const enabled = proxyValue(v, proxy, ENABLED);
            const sleepFound = proxyValue(v, proxy, SLEEP);
            const graceFound = proxyValue(v, proxy, TGPS);
            const sleep = asNumber(sleepFound?.node);
            const grace = asNumber(graceFound?.node);
            // What only a finding needs is worked out for a finding: most proxies have none. The preStop hook fails
            // Envoy's health check, which load balancers see only through this filter.
            const healthCheck = () => helmTruthy(proxyValue(v, proxy, HEALTH_CHECK))
                ? ''
                : ` The preStop hook only fails Envoy's health check, which helps only with a Gateway health-check filter: set ${keyPath(v, values_proxyPath(proxy, HEALTH_CHECK))} (e.g. {path: /envoy-hc}) and point the load balancer's health check at it.`;
            const ownTiming = () => !!values_getValue(v, values_proxyPath(proxy, SLEEP)) || !!values_getValue(v, values_proxyPath(proxy, TGPS));
            if (!isTrue(enabled?.node)) {
                const data = { key: keyPath(v, values_proxyPath(proxy, ENABLED)), state: withNote(describeSetting(v, ENABLED, enabled, 'false'), chart), proxy: proxy.name, healthCheck: healthCheck() };
                const misplaced = values_getValue(v, values_proxyPath(proxy, MISPLACED));
                if (misplaced) {
                    // values-unknown-key moves the block under podTemplate; a fix here would set it twice.
                    yield { messageId: 'misplaced', node: misplaced.pair?.key ?? misplaced.node, data: { ...data, misplaced: keyPath(v, values_proxyPath(proxy, MISPLACED)) }, key: proxy.name };
                    continue;
                }
                // Keep whatever sleep and grace period the user chose; only fill in what is missing, and raise the
                // grace period when it would cut the sleep short.
                const newSleep = sleep ?? FIX_SLEEP;
                const podTemplate = { gracefulShutdown: sleep === undefined ? { enabled: 'true', sleepTimeSeconds: String(newSleep) } : { enabled: 'true' } };
                // With the fix's own 5 s sleep the grace period goes to 7 (Solo's pair); a sleep the user chose keeps
                // Kubernetes' 30 s default when that is already longer.
                const effectiveGrace = grace ?? (sleep === undefined ? 0 : KUBE_GRACE);
                if (effectiveGrace <= newSleep)
                    podTemplate.terminationGracePeriodSeconds = String(newSleep + EXIT_MARGIN);
                const covered = !ownTiming() && coveredByDefault(v, proxy, ENABLED, fixedOnDefault);
                const fix = covered ? null : values_setValueFix(v, values_proxyPath(proxy, ['podTemplate']), podTemplate);
                if (proxy.isDefault && fix)
                    fixedOnDefault.add(ENABLED.join('.'));
                yield { messageId: 'disabled', node: locate(v, values_proxyPath(proxy, ENABLED)), data, suggest: suggestion('disabled', fix), key: proxy.name };
                continue;
            }
            const effectiveSleep = sleep ?? CHART_SLEEP;
            if ((grace ?? KUBE_GRACE) > effectiveSleep)
                continue;
            const covered = !ownTiming() && coveredByDefault(v, proxy, TGPS, fixedOnDefault);
            const fix = covered ? null : values_setValueFix(v, values_proxyPath(proxy, TGPS), String(effectiveSleep + EXIT_MARGIN));
            if (proxy.isDefault && fix)
                fixedOnDefault.add(TGPS.join('.'));
            yield {
                messageId: 'tooShort',
                node: locate(v, values_proxyPath(proxy, TGPS)),
                data: {
                    key: keyPath(v, values_proxyPath(proxy, TGPS)),
                    grace: describeSetting(v, TGPS, graceFound, String(KUBE_GRACE), 'Kubernetes'),
                    sleepKey: keyPath(v, values_proxyPath(proxy, SLEEP)),
                    sleep: describeSetting(v, SLEEP, sleepFound, String(CHART_SLEEP)),
                    proxy: proxy.name,
                    healthCheck: healthCheck(),
                    chart
                },
                suggest: suggestion('tooShort', fix),
                key: proxy.name
            };
        }
    },
    *checkObject(obj) {
        const proxy = renderedProxy(obj);
        if (!proxy?.container || !proxy.podSpec)
            return;
        const preStop = getNode(proxy.container, ['lifecycle', 'preStop']);
        if (!preStop) {
            // A chart older than the gracefulShutdown key (by its image tag) has no knob to render a hook with.
            if (!version_hasSince(imageVersion(proxy.container), GRACEFUL_SINCE))
                return;
            yield {
                messageId: 'renderedNoPreStop',
                node: query_findPair(proxy.container, 'lifecycle')?.key ?? getNode(proxy.container, ['name']) ?? proxy.container,
                data: { name: proxy.name, container: str(proxy.container, ['name']) ?? proxy.name }
            };
            return;
        }
        // The chart's hook is `wget \u2026/healthcheck/fail; sleep N`; without a recognisable sleep there is nothing to compare.
        const command = seqItems(getNode(preStop, ['exec', 'command'])).map((c) => asString(c) ?? '').join(' ');
        const m = /\bsleep\s+(\d+)/.exec(command);
        if (!m)
            return;
        const sleep = Number(m[1]);
        const graceNode = getNode(proxy.podSpec, ['terminationGracePeriodSeconds']);
        const grace = asNumber(graceNode) ?? KUBE_GRACE;
        if (grace > sleep)
            return;
        yield {
            messageId: 'renderedTooShort',
            node: graceNode ?? locatePath(obj.root, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds']),
            data: { name: proxy.name, grace: graceNode ? String(grace) : `not set (Kubernetes default ${KUBE_GRACE})`, sleep },
            suggest: suggestion('renderedTooShort', setPath(obj.file.edit, proxy.podSpec, ['terminationGracePeriodSeconds'], String(sleep + EXIT_MARGIN)))
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-host-network.ts






const HOST_PORT = ['kind', 'daemonSet', 'hostPort'];
const HOST_NETWORK = ['kind', 'daemonSet', 'hostNetwork'];
/** First chart that reads `kind.daemonSet.hostNetwork` (catalog section 4.3); before it hostPort always means hostNetwork. */
const HOST_NETWORK_SINCE = '1.8.0-beta13';
/** Every `hostPort` of the pod's containers, with the port map holding it. */
function hostPorts(containers) {
    const out = [];
    for (const c of containers)
        for (const port of seqItems(getNode(c, ['ports']))) {
            const pair = query_findPair(port, 'hostPort');
            if (port.kind === 'map' && pair && scalarValue(pair.value) !== null)
                out.push({ port, pair });
        }
    return out;
}
/** How a setting reads in a message; a quoted value keeps its quotes (`"false"` is a string, and truthy). */
function describe(v, path, found) {
    const text = describeSetting(v, path, found, 'unset');
    const n = deref(found?.node);
    return n?.kind === 'scalar' && (n.style === 'single' || n.style === 'double') ? JSON.stringify(n.value) + text.slice(n.value.length) : text;
}
/** `hostPort 8080`, `hostPorts 8080 and 8443`, `hostPorts 80, 443 and 9000`. */
function portList(ports) {
    if (ports.length === 1)
        return `hostPort ${ports[0]}`;
    return `hostPorts ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
}
/* harmony default export */ const proxy_host_network = (defineRule({
    meta: {
        id: 'proxy-host-network',
        category: 'security',
        severity: 'warning',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: "Gateway proxies should not use the node's network (hostNetwork or hostPort).",
        remediation: 'Remove gatewayProxies.<proxy>.kind.daemonSet.hostPort (or, from chart 1.8.0-beta13, set kind.daemonSet.hostNetwork: false) and expose the proxy through its Service; in rendered manifests remove hostNetwork: true and the hostPort entries.',
        messages: {
            values: "{{key}} is {{state}}: gateway proxy '{{proxy}}' renders hostNetwork: true and hostPorts for httpPort and httpsPort, whether it is a Deployment or a DaemonSet, so Envoy shares the node's network namespace, its admin port included, and most network plugins no longer apply NetworkPolicies to it.",
            ignoredOff: "{{key}} is {{state}}, and {{offKey}} is false, but chart {{version}} reads hostNetwork only from {{since}}: gateway proxy '{{proxy}}' still renders hostNetwork: true, so Envoy shares the node's network namespace and most network plugins no longer apply NetworkPolicies to it.",
            renderedHostNetwork: "{{kind}} '{{name}}' sets hostNetwork: true: its Envoy shares the node's network namespace, its admin port included, and most network plugins no longer apply NetworkPolicies to it.",
            renderedHostPort: "{{kind}} '{{name}}' binds {{ports}} on every node it runs on, which exposes Envoy on the node's own address beside its Service.",
            noHostPort: 'Set {{key}}: false (the proxy is then reached through its Service only; check that nothing sends traffic to the nodes directly).',
            noHostNetwork: 'Set {{offKey}}: false (keeps the hostPorts but gives Envoy its own network namespace).',
            renderedNoHostNetwork: 'Set hostNetwork: false (check that nothing sends traffic to the nodes directly).',
            renderedNoHostPort: 'Remove the hostPort entries (the proxy is then reached through its Service only).'
        }
    },
    *checkValues(v) {
        const readsOff = isAtLeast(v.chartVersion, HOST_NETWORK_SINCE);
        const suggestedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const hostPort = proxyValue(v, proxy, HOST_PORT);
            if (!helmTruthy(hostPort))
                continue;
            const off = proxyValue(v, proxy, HOST_NETWORK);
            // The chart renders `hostNetwork: {{ ne "false" (toString .hostNetwork) }}` (1.22.1 T7:139).
            if (readsOff && isFalse(off?.node))
                continue;
            const path = values_proxyPath(proxy, HOST_PORT);
            const offPath = values_proxyPath(proxy, HOST_NETWORK);
            const data = {
                key: keyPath(v, path),
                state: describe(v, HOST_PORT, hostPort),
                proxy: proxy.name,
                offKey: keyPath(v, offPath),
                version: v.chartVersion?.raw,
                since: HOST_NETWORK_SINCE
            };
            const covered = coveredByDefault(v, proxy, HOST_PORT, suggestedOnDefault);
            const suggest = [];
            if (!covered) {
                const noPort = values_setValueFix(v, path, 'false');
                if (noPort?.length)
                    suggest.push({ messageId: 'noHostPort', edits: noPort });
                const noNetwork = readsOff ? values_setValueFix(v, offPath, 'false') : null;
                if (noNetwork?.length)
                    suggest.push({ messageId: 'noHostNetwork', edits: noNetwork });
            }
            if (proxy.isDefault && suggest.length)
                suggestedOnDefault.add(HOST_PORT.join('.'));
            yield {
                messageId: !readsOff && isFalse(off?.node) ? 'ignoredOff' : 'values',
                node: locate(v, path),
                data,
                suggest: suggest.length ? suggest : undefined,
                key: proxy.name
            };
        }
    },
    *checkObject(obj) {
        const proxy = renderedProxy(obj);
        if (!proxy?.podSpec)
            return;
        const hostNetwork = query_findPair(proxy.podSpec, 'hostNetwork');
        if (hostNetwork && isTrue(hostNetwork.value)) {
            const value = deref(hostNetwork.value);
            yield {
                messageId: 'renderedHostNetwork',
                node: hostNetwork.value,
                data: { kind: obj.kind, name: proxy.name },
                suggest: value?.kind === 'scalar' && !value.tag ? [{ messageId: 'renderedNoHostNetwork', edits: [replaceScalar(value, 'false')] }] : undefined
            };
            return;
        }
        const ports = hostPorts(proxy.containers);
        if (!ports.length)
            return;
        const edits = ports.map(({ port, pair }) => removePair(obj.file.edit, port, pair));
        yield {
            messageId: 'renderedHostPort',
            node: ports[0].pair.key,
            data: { kind: obj.kind, name: proxy.name, ports: portList(ports.map(({ pair }) => asString(pair.value) ?? '?')) },
            suggest: edits.every((e) => e) ? [{ messageId: 'renderedNoHostPort', edits: edits.map((e) => e) }] : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-lb-source-ranges.ts
/** A gateway proxy's cloud load balancer should accept only the clients' address ranges (for installs that are not public). */





const TYPE = ['service', 'type'];
const RANGES = ['service', 'loadBalancerSourceRanges'];
/** First chart of each release line that renders `service.loadBalancerSourceRanges` (catalog section 4.3). */
const proxy_lb_source_ranges_SINCE = '1.3.28/1.4.0-beta12';
/** The chart's `gatewayProxies.gatewayProxy.service.type` in every version (chart data 1.6 \u2026 1.22). */
const CHART_TYPE = 'LoadBalancer';
// A documentation range (RFC 5737 TEST-NET-3): it stands out as a placeholder and, applied unchanged,
// shuts the load balancer rather than opening it. The real ranges need a human.
const proxy_lb_source_ranges_PLACEHOLDER = '"203.0.113.0/24"';
/** The chart renders the list only when it is truthy: an empty list, `""` or a null sets no ranges. */
function setsRanges(node) {
    const n = deref(node);
    if (!n)
        return false;
    if (n.kind === 'seq')
        return seqItems(n).length > 0;
    const value = scalarValue(n);
    return value !== null && value !== '';
}
/* harmony default export */ const proxy_lb_source_ranges = (defineRule({
    meta: {
        id: 'proxy-lb-source-ranges',
        category: 'security',
        severity: 'notice',
        defaultOff: true,
        kinds: ['values'],
        fixable: false,
        description: 'LoadBalancer Services of gateway proxies that are not public should restrict their client address ranges.',
        remediation: 'Set gatewayProxies.<proxy>.service.loadBalancerSourceRanges to the CIDR ranges of the clients (chart 1.3.28, 1.4.0-beta12 and later), or use another service.type for a proxy that no client outside the cluster reaches.',
        messages: {
            values: "{{key}} is {{state}}: the LoadBalancer Service of gateway proxy '{{proxy}}' accepts connections from every address the cloud load balancer can be reached from.",
            addRanges: 'Add {{key}} with a placeholder range ({{placeholder}}) and replace it with the CIDR ranges of the clients.'
        }
    },
    *checkValues(v) {
        if (!version_hasSince(v.chartVersion, proxy_lb_source_ranges_SINCE))
            return;
        const suggestedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const typeFound = proxyValue(v, proxy, TYPE);
            // Chart defaults reach the default proxy and, from chart 1.7, every custom proxy through inheritance.
            const type = typeFound ? asString(typeFound.node) : proxy.isDefault || proxy.inherits ? CHART_TYPE : undefined;
            if (type !== 'LoadBalancer')
                continue;
            const found = proxyValue(v, proxy, RANGES);
            if (setsRanges(found?.node))
                continue;
            const path = values_proxyPath(proxy, RANGES);
            const value = inFlow(insertionSite(v, path)) ? `[${proxy_lb_source_ranges_PLACEHOLDER}]` : `[${proxy_lb_source_ranges_PLACEHOLDER}]  # TODO: the clients' CIDR ranges`;
            const written = deref(found?.node);
            // setValueFix replaces scalars only: an own empty list `[]` is replaced here, as it is written.
            const edits = coveredByDefault(v, proxy, RANGES, suggestedOnDefault)
                ? null
                : written?.kind === 'seq' && !found.inherited
                    ? [{ range: [written.start, written.end], text: `[${proxy_lb_source_ranges_PLACEHOLDER}]` }]
                    : values_setValueFix(v, path, value);
            const inheritedFrom = found?.inherited ? `, inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...RANGES])}` : '';
            if (proxy.isDefault && edits?.length)
                suggestedOnDefault.add(RANGES.join('.'));
            yield {
                messageId: 'values',
                node: locate(v, path),
                data: { key: keyPath(v, path), state: withNote(written ? `empty${inheritedFrom}` : 'not set', versionNote(v.chartVersion, proxy_lb_source_ranges_SINCE)), proxy: proxy.name, placeholder: proxy_lb_source_ranges_PLACEHOLDER.replace(/"/g, '') },
                suggest: edits?.length ? [{ messageId: 'addRanges', edits }] : undefined,
                key: proxy.name
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-net-bind.ts
/** proxy-net-bind: the Envoy container must not get NET_BIND_SERVICE unless the proxy binds a port below 1024. */






const proxy_net_bind_DISABLE = ['podTemplate', 'disableNetBind'];
const NET_BIND = 'NET_BIND_SERVICE';
/** Why an absent `disableNetBind` adds the capability, or undefined when the chart default is `true`. */
function defaultAddsReason(v, proxy) {
    if (hasOldSecurityDefaults(v.chartVersion))
        return `chart ${v.chartVersion.raw} adds the capability by default (until 1.3.31/1.4.0-beta15)`;
    if (!proxy.isDefault && customMerge(v) === 'alone')
        return `before chart 1.7.0-beta21 a custom proxy does not inherit gatewayProxy's disableNetBind: true (this is chart ${v.chartVersion.raw})`;
    return undefined;
}
/** Safe only in a complete install (no member may bind a low port we cannot see); otherwise a suggestion. */
function fixOrSuggest(edits, complete, messageId) {
    if (!edits?.length)
        return {};
    return complete ? { fix: edits } : { suggest: [{ messageId, edits }] };
}
/* harmony default export */ const proxy_net_bind = (defineRule({
    meta: {
        id: 'proxy-net-bind',
        category: 'security',
        severity: 'error',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: true,
        description: 'The gateway proxy must not get the NET_BIND_SERVICE capability unless it binds a port below 1024.',
        remediation: 'Set gatewayProxies.<proxy>.podTemplate.disableNetBind: true in the values, or remove NET_BIND_SERVICE from the Envoy container\'s securityContext.capabilities.add, and keep the proxy\'s listeners on ports 1024 and above.',
        messages: {
            explicitFalse: '{{key}} is false, so the chart adds NET_BIND_SERVICE to the Envoy container, which binds no port below 1024.',
            chartDefault: '{{key}} is not set: {{why}}, so the Envoy container gets NET_BIND_SERVICE, which it does not need.',
            customAdd: '{{key}} adds NET_BIND_SERVICE to the Envoy container of proxy \'{{proxy}}\', which binds no port below 1024.',
            rendered: 'The Envoy container of proxy \'{{proxy}}\' adds NET_BIND_SERVICE, which it does not need: it binds no port below 1024{{why}}.',
            lowPort: 'Proxy \'{{proxy}}\' binds port {{port}}{{via}}, below 1024, so Envoy needs NET_BIND_SERVICE there; keep it, or move the listener to a port of 1024 or above and map the low port in the Service.'
        }
    },
    *checkValues(v, { project, install }) {
        const once = reportOnce();
        const complete = install?.complete === true;
        for (const proxy of renderedValuesProxies(v)) {
            // The ports are looked up when the capability is there to be judged: most proxies do not have it.
            let lows;
            const lowPorts = () => (lows ??= [...valuesLowPorts(v, proxy), ...gatewayLowPorts(project, proxy.name)]);
            // Report on the node that grants the capability; a Gateway's bindPort may live in another file.
            const lowPort = (node) => ({
                messageId: 'lowPort',
                severity: 'notice',
                node,
                key: proxy.key,
                data: { proxy: proxy.name, port: lowPorts()[0].port, via: lowPortOrigin(lowPorts()[0]) + (valuesHostNetwork(v, proxy) ? ' with host networking' : '') }
            });
            const custom = customContext(v, proxy);
            const add = custom ? proxySetting(v, proxy, [...CONTAINER_SC, 'capabilities', 'add']) : null;
            const items = capabilityItems(add?.node);
            // glooContainerSecurityContext replaces the defaults (disableNetBind is then ignored); with helm-merge
            // a non-empty `add` list still wins, because Helm's merge keeps non-empty lists of the values.
            if (custom && (!custom.merge || items.length > 0)) {
                for (const ref of items) {
                    if (ref.name !== NET_BIND || !once(ref.item, 'add'))
                        continue;
                    if (lowPorts().length) {
                        yield lowPort(ref.item);
                        continue;
                    }
                    yield {
                        messageId: 'customAdd',
                        node: ref.item,
                        key: proxy.key,
                        data: { key: keyPath(v, add.path), proxy: proxy.name },
                        ...fixOrSuggest(add.layer.synthetic ? null : removeListItem(add.layer.file.edit, ref), complete, 'customAdd')
                    };
                }
                continue;
            }
            // The merged value (catalog 4.2): 1.7.0-beta21 \u2026 1.7.0 `merge` refills a custom false from gatewayProxy,
            // whose chart default is true, so only gatewayProxy's own false (or none) can be effective there.
            const merged = mergedProxyValue(v, proxy, proxy_net_bind_DISABLE);
            const setting = merged && !merged.deleted ? merged : null;
            const value = helmValue(setting);
            if (value === true || value === 'true')
                continue;
            if (setting && value === false && !setting.inherited && !proxy.isDefault && customMerge(v) === 'merge' && !defaultAddsReason(v, proxy))
                continue;
            if (setting && value === false) {
                if (!once(setting.node, 'explicitFalse'))
                    continue;
                if (lowPorts().length) {
                    yield lowPort(setting.node);
                    continue;
                }
                // Where the false is written: the proxy's own key, or gatewayProxy's.
                const path = setting.inherited ? ['gatewayProxies', 'gatewayProxy', ...proxy_net_bind_DISABLE] : values_proxyPath(proxy, proxy_net_bind_DISABLE);
                yield {
                    messageId: 'explicitFalse',
                    node: setting.node,
                    key: proxy.key,
                    data: { key: keyPath(v, path) },
                    ...fixOrSuggest(values_setValueFix(v, path, 'true'), complete, 'explicitFalse')
                };
                continue;
            }
            // Any other string is truthy in the template; `null` deletes the key, so the chart default applies.
            if (setting && value !== null)
                continue;
            const why = defaultAddsReason(v, proxy);
            if (!why)
                continue;
            const path = values_proxyPath(proxy, proxy_net_bind_DISABLE);
            const node = setting?.inherited === false ? setting.node : locate(v, path);
            if (lowPorts().length) {
                if (once(node, 'lowPort'))
                    yield lowPort(node);
                continue;
            }
            yield {
                messageId: 'chartDefault',
                severity: 'warning',
                node,
                key: proxy.key,
                data: { key: keyPath(v, path), why },
                ...fixOrSuggest(values_setValueFix(v, path, 'true'), complete, 'chartDefault')
            };
        }
    },
    *checkObject(obj, { project, install }) {
        const p = renderedProxy(obj);
        if (!p?.container)
            return;
        const items = capabilityItems(getNode(p.container, ['securityContext', 'capabilities', 'add'])).filter((r) => r.name === NET_BIND);
        if (!items.length)
            return;
        const lows = [...renderedLowPorts(p.container), ...gatewayLowPorts(project, p.name)];
        const via = isTrue(getNode(p.podSpec, ['hostNetwork'])) ? ' with host networking' : '';
        for (const ref of items) {
            if (lows.length) {
                yield { messageId: 'lowPort', severity: 'notice', node: ref.item, data: { proxy: proxyLabel(p), port: lows[0].port, via: lowPortOrigin(lows[0]) + via } };
                continue;
            }
            // A chart that adds it by default (its image tag says which) makes this the chart default's warning.
            const byDefault = hasOldSecurityDefaults(imageVersion(p.container));
            yield {
                messageId: 'rendered',
                severity: byDefault ? 'warning' : 'error',
                node: ref.item,
                data: { proxy: proxyLabel(p), why: byDefault ? `; chart ${imageVersion(p.container).raw} adds it by default (until 1.3.31/1.4.0-beta15)` : '' },
                ...fixOrSuggest(removeListItem(obj.file.edit, ref), install?.complete === true, 'rendered')
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-privileged.ts
/** proxy-privileged: the Envoy container must not be privileged, escalate privileges or keep capabilities. */






const proxy_privileged_NET_BIND = 'NET_BIND_SERVICE';
/**
 * Kubernetes rejects `allowPrivilegeEscalation: false` next to `privileged: true` or an added SYS_ADMIN,
 * so that edit is only offered once those are gone.
 */
const escalationFixBlocked = (privileged, added) => privileged || added.some((r) => r.name === 'SYS_ADMIN');
/**
 * Every edit is a suggestion (catalog section 2: fix class `suggest`): a human wrote the value, or something in the
 * pod may rely on the privilege, so `--fix` never changes it.
 */
const proxy_privileged_suggestion = (messageId, edits) => (edits?.length ? [{ messageId, edits }] : undefined);
function* valuesProblems(v, proxy, custom, once) {
    const ownOrBase = customPath(proxy, custom, []);
    const where = keyPath(v, ownOrBase);
    // The verdict rests on a chart that reads glooContainerSecurityContext (catalog 4.3), and helm-merge on one that reads mergePolicy.
    const data = { where, proxy: proxy.name, chart: versionNote(v.chartVersion, custom.merge ? MERGE_POLICY_SINCE : SECURITY_CONTEXT_SINCE) };
    const sub = (...p) => [...CONTAINER_SC, ...p];
    const privileged = proxySetting(v, proxy, sub('privileged'));
    const isPrivileged = !!privileged && isTrue(privileged.node);
    if (privileged && isPrivileged && once(privileged.node, 'privileged'))
        yield { messageId: 'privileged', node: privileged.node, key: proxy.key, data, suggest: proxy_privileged_suggestion('privileged', values_setValueFix(v, privileged.path, 'false')) };
    const add = proxySetting(v, proxy, sub('capabilities', 'add'));
    const added = capabilityItems(add?.node).filter((r) => r.name !== proxy_privileged_NET_BIND);
    // With helm-merge only an explicit `true` survives: a missing or false value keeps the chart's `false`.
    const escalation = proxySetting(v, proxy, sub('allowPrivilegeEscalation'));
    const escalates = custom.merge ? !!escalation && isTrue(escalation.node) : !escalation || !isFalse(escalation.node);
    // Merely left out of a replacing map: proxy-security-context-replaced reports the lost default (one finding per cause).
    if (escalates && !leftOutOfReplacement(v, proxy, ['allowPrivilegeEscalation'])) {
        const path = escalation?.path ?? customPath(proxy, custom, ['allowPrivilegeEscalation']);
        const node = escalation?.node ?? locate(v, path);
        if (once(node, 'escalation'))
            yield {
                messageId: 'escalation',
                node,
                key: `${proxy.key}:escalation`,
                data,
                suggest: escalationFixBlocked(isPrivileged, added) ? undefined : proxy_privileged_suggestion('escalation', values_setValueFix(v, path, 'false'))
            };
    }
    // With helm-merge a non-empty `drop` list replaces the chart's [ALL]; an empty or missing one keeps it.
    const drop = proxySetting(v, proxy, sub('capabilities', 'drop'));
    const dropped = capabilityItems(drop?.node);
    const dropsAll = dropped.some((r) => r.name === 'ALL') || (custom.merge && dropped.length === 0);
    if (!dropsAll) {
        if (drop) {
            let fix = null;
            if (drop.node.kind === 'seq')
                fix = drop.layer.synthetic ? null : appendSeqItem(drop.layer.file.edit, drop.node, 'ALL');
            else if (drop.node.kind === 'scalar')
                fix = values_setValueFix(v, drop.path, '[ALL]');
            if (once(drop.node, 'drop'))
                yield { messageId: 'drop', node: drop.node, key: `${proxy.key}:drop`, data, suggest: proxy_privileged_suggestion('drop', fix) };
        }
        else if (!leftOutOfReplacement(v, proxy, ['capabilities', 'drop'])) {
            const path = customPath(proxy, custom, ['capabilities', 'drop']);
            const node = locate(v, path);
            if (once(node, 'drop'))
                yield { messageId: 'drop', node, key: `${proxy.key}:drop`, data, suggest: proxy_privileged_suggestion('drop', values_setValueFix(v, path, '[ALL]')) };
        }
    }
    for (const ref of added) {
        if (!once(ref.item, 'added'))
            continue;
        const edits = add.layer.synthetic ? null : removeListItem(add.layer.file.edit, ref);
        yield {
            messageId: 'added',
            node: ref.item,
            key: proxy.key,
            data: { ...data, capability: ref.name },
            suggest: edits ? [{ messageId: 'added', edits }] : undefined
        };
    }
}
/* harmony default export */ const proxy_privileged = (defineRule({
    meta: {
        id: 'proxy-privileged',
        category: 'security',
        severity: 'error',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: "The gateway proxy's Envoy container must not be privileged, escalate privileges or keep Linux capabilities.",
        remediation: "In the Envoy container's securityContext (values: podTemplate.glooContainerSecurityContext), remove privileged: true, set allowPrivilegeEscalation: false and capabilities.drop: [ALL], and add no capability.",
        messages: {
            privileged: "{{where}} sets privileged: true{{chart}}: the Envoy container of proxy '{{proxy}}' gets every capability and the node's devices.",
            escalation: "{{where}} does not set allowPrivilegeEscalation: false{{chart}}: a process in the Envoy container of proxy '{{proxy}}' can gain more privileges than its parent.",
            drop: "{{where}} does not drop ALL capabilities{{chart}}: the Envoy container of proxy '{{proxy}}' keeps the container runtime's default capabilities.",
            added: "{{where}} adds capability {{capability}} to the Envoy container of proxy '{{proxy}}'{{chart}}; remove it unless Envoy really needs it.",
            noSecurityContext: "The Envoy container of proxy '{{proxy}}' has no securityContext: it may escalate privileges and keeps the container runtime's default capabilities."
        }
    },
    *checkValues(v) {
        const once = reportOnce();
        for (const proxy of renderedValuesProxies(v)) {
            // Without glooContainerSecurityContext the chart renders privileged: unset, allowPrivilegeEscalation:
            // false and drop: [ALL]; NET_BIND_SERVICE is proxy-net-bind's.
            const custom = customContext(v, proxy);
            if (custom)
                yield* valuesProblems(v, proxy, custom, once);
        }
    },
    *checkObject(obj) {
        const p = renderedProxy(obj);
        if (!p?.container)
            return;
        const container = p.container;
        const src = obj.file.edit;
        const proxy = proxyLabel(p);
        const sc = getNode(container, ['securityContext']);
        if (!sc || isEmptyMap(sc)) {
            yield {
                messageId: 'noSecurityContext',
                node: containerAnchor(container),
                data: { proxy },
                suggest: proxy_privileged_suggestion('noSecurityContext', setPath(src, container, ['securityContext'], { allowPrivilegeEscalation: 'false', capabilities: { drop: '[ALL]' } }))
            };
            return;
        }
        const data = { where: jsonPathOf(sc), proxy, chart: '' };
        const privilegedPair = query_findPair(sc, 'privileged');
        const isPrivileged = !!privilegedPair && isTrue(privilegedPair.value);
        if (privilegedPair && isPrivileged)
            yield { messageId: 'privileged', node: privilegedPair.value, data, suggest: proxy_privileged_suggestion('privileged', removeOrReplace(src, privilegedPair, 'false')) };
        const added = capabilityItems(getNode(sc, ['capabilities', 'add'])).filter((r) => r.name !== proxy_privileged_NET_BIND);
        const escalation = getNode(sc, ['allowPrivilegeEscalation']);
        if (!isFalse(escalation))
            yield {
                messageId: 'escalation',
                node: escalation ?? containerAnchor(container),
                key: 'escalation',
                data,
                suggest: escalationFixBlocked(isPrivileged, added) ? undefined : proxy_privileged_suggestion('escalation', setPath(src, container, ['securityContext', 'allowPrivilegeEscalation'], 'false'))
            };
        const drop = getNode(sc, ['capabilities', 'drop']);
        if (!capabilityItems(drop).some((r) => r.name === 'ALL')) {
            let fix;
            // A list gets ALL appended (keeping what it already drops); anything else is replaced by [ALL].
            if (drop?.kind === 'seq')
                fix = appendSeqItem(src, drop, 'ALL');
            else
                fix = setPath(src, container, ['securityContext', 'capabilities', 'drop'], '[ALL]');
            yield { messageId: 'drop', node: drop ?? containerAnchor(container, ['capabilities']), key: 'drop', data, suggest: proxy_privileged_suggestion('drop', fix) };
        }
        for (const ref of added) {
            const edits = removeListItem(src, ref);
            yield { messageId: 'added', node: ref.item, data: { ...data, capability: ref.name }, suggest: edits ? [{ messageId: 'added', edits }] : undefined };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-probes.ts
/** proxy-probes: gateway proxy pods need a readiness probe (and, from chart 1.12.0-beta6, a separate liveness switch). */






const PROBES = ['podTemplate', 'probes'];
const LIVENESS = ['podTemplate', 'livenessProbeEnabled'];
/** From here `probes: true` renders readiness only; liveness also needs livenessProbeEnabled (d2812c786c, catalog 4.2). */
const SPLIT_LIVENESS_SINCE = '1.12.0-beta6';
/** The chart's own readiness probe: Envoy's admin port answers only on the loopback address. */
const CHART_READINESS_PROBE = {
    exec: { command: '[wget, -O, /dev/null, "127.0.0.1:19000/ready"]' },
    initialDelaySeconds: '1',
    periodSeconds: '10',
    failureThreshold: '10'
};
/* harmony default export */ const proxy_probes = (defineRule({
    meta: {
        id: 'proxy-probes',
        category: 'reliability',
        severity: 'warning',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: true,
        description: 'Gateway proxy pods must have readiness (and, on charts 1.12 and later, liveness) probes.',
        remediation: 'Set gatewayProxies.<proxy>.podTemplate.probes: true (and podTemplate.livenessProbeEnabled: true on charts 1.12 and later), or give the rendered Envoy container a readinessProbe.',
        messages: {
            readiness: "{{key}} is {{state}}: gateway proxy '{{proxy}}' has no readiness probe, so its pods get traffic before Envoy has its configuration{{alone}}.",
            liveness: "{{key}} is {{state}}{{chart}}: gateway proxy '{{proxy}}' has no liveness probe (a separate key from chart 1.12.0-beta6, which also needs probes: true), so a hung Envoy is never restarted.",
            addProbes: 'Set probes: true; before chart 1.12.0-beta6 this adds the liveness probe (/server_info) too.',
            addLiveness: 'Set livenessProbeEnabled: true (a hung Envoy is then restarted; check its start-up time first).',
            rendered: "The Envoy container '{{container}}' of gateway proxy '{{name}}' has no readinessProbe, so its pods get traffic before Envoy is ready.",
            addChartProbe: "Add the chart's readiness probe (wget of Envoy's /ready on the admin port 19000)."
        }
    },
    *checkValues(v) {
        // Unknown versions are the newest: split liveness, and `probes: true` adds readiness only (a safe fix).
        const split = isAtLeast(v.chartVersion, SPLIT_LIVENESS_SINCE);
        // The liveness verdict rests on a chart with the split key (1.12.0-beta6, catalog 4.2 Probes).
        const chart = versionNote(v.chartVersion, SPLIT_LIVENESS_SINCE);
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const livenessOn = isTrue(proxyValue(v, proxy, LIVENESS)?.node);
            const missing = [];
            if (!isTrue(proxyValue(v, proxy, PROBES)?.node))
                missing.push({ messageId: 'readiness', path: PROBES });
            if (split && !livenessOn)
                missing.push({ messageId: 'liveness', path: LIVENESS });
            for (const m of missing) {
                const covered = coveredByDefault(v, proxy, m.path, fixedOnDefault);
                const edits = covered ? null : values_setValueFix(v, values_proxyPath(proxy, m.path), 'true');
                if (proxy.isDefault && edits)
                    fixedOnDefault.add(m.path.join('.'));
                // probes: true is safe only where it adds readiness alone; before 1.12.0-beta6 it adds liveness too.
                const safe = m.messageId === 'readiness' && split;
                const suggestId = m.messageId === 'readiness' ? 'addProbes' : 'addLiveness';
                yield {
                    messageId: m.messageId,
                    node: locate(v, values_proxyPath(proxy, m.path)),
                    data: {
                        key: keyPath(v, values_proxyPath(proxy, m.path)),
                        state: describeSetting(v, m.path, proxyValue(v, proxy, m.path), 'false'),
                        proxy: proxy.name,
                        chart: m.messageId === 'liveness' ? chart : '',
                        alone: m.messageId === 'readiness' && livenessOn ? ' (livenessProbeEnabled alone renders no probe)' : ''
                    },
                    fix: safe ? edits : null,
                    suggest: !safe && edits ? [{ messageId: suggestId, edits }] : undefined,
                    key: `${proxy.name}/${m.messageId}`
                };
            }
        }
    },
    *checkObject(obj) {
        const proxy = renderedProxy(obj);
        if (!proxy?.container)
            return;
        if (getNode(proxy.container, ['readinessProbe']))
            return;
        const edits = setPath(obj.file.edit, proxy.container, ['readinessProbe'], CHART_READINESS_PROBE);
        yield {
            messageId: 'rendered',
            node: getNode(proxy.container, ['name']) ?? proxy.container,
            data: { name: proxy.name, container: str(proxy.container, ['name']) ?? proxy.name },
            suggest: edits?.length ? [{ messageId: 'addChartProbe', edits }] : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-read-config.ts
/** A gateway proxy should not serve its configuration dump and stats on an open listener. */





const READ_CONFIG = ['readConfig'];
const MULTICLUSTER = ['readConfigMulticluster'];
/** First chart that renders the `<name>-config-dump-service` Service (catalog section 4.3). */
const MULTICLUSTER_SINCE = '1.6.0-beta24';
/** How a setting reads in a message; a quoted value keeps its quotes (`"false"` is a string, and truthy). */
function proxy_read_config_describe(v, path, found) {
    const text = describeSetting(v, path, found, 'unset');
    const n = deref(found?.node);
    return n?.kind === 'scalar' && (n.style === 'single' || n.style === 'double') ? JSON.stringify(n.value) + text.slice(n.value.length) : text;
}
/* harmony default export */ const proxy_read_config = (defineRule({
    meta: {
        id: 'proxy-read-config',
        category: 'security',
        severity: 'warning',
        kinds: ['values'],
        fixable: false,
        description: "Gateway proxies should not expose Envoy's config dump, stats and clusters on the read-config listener.",
        remediation: 'Remove gatewayProxies.<proxy>.readConfig (and readConfigMulticluster) unless Gloo Fed or a tool needs it, and then restrict who can reach port 8082.',
        messages: {
            values: "{{key}} is {{state}}: gateway proxy '{{proxy}}' serves Envoy's /config_dump, /stats and /clusters to anyone who reaches its pods on port 8082, which reveals every route, upstream and cluster address.",
            multicluster: "{{key}} is {{state}}, and {{multiKey}} is {{multiState}}{{chart}}: gateway proxy '{{proxy}}' serves Envoy's /config_dump, /stats and /clusters on port 8082, and Service '{{service}}' gives every pod in the cluster a stable address for them.",
            disable: 'Set {{key}}: false (check first that neither Gloo Fed nor another tool reads the config dump).'
        }
    },
    *checkValues(v) {
        const suggestedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const found = proxyValue(v, proxy, READ_CONFIG);
            if (!helmTruthy(found))
                continue;
            // The chart renders the Service only when both keys are truthy (1.22.1 T8s:168).
            const multi = proxyValue(v, proxy, MULTICLUSTER);
            const multicluster = isAtLeast(v.chartVersion, MULTICLUSTER_SINCE) && helmTruthy(multi);
            const path = values_proxyPath(proxy, READ_CONFIG);
            const edits = coveredByDefault(v, proxy, READ_CONFIG, suggestedOnDefault) ? null : values_setValueFix(v, path, 'false');
            if (proxy.isDefault && edits?.length)
                suggestedOnDefault.add(READ_CONFIG.join('.'));
            yield {
                messageId: multicluster ? 'multicluster' : 'values',
                node: locate(v, path),
                data: {
                    key: keyPath(v, path),
                    state: proxy_read_config_describe(v, READ_CONFIG, found),
                    proxy: proxy.name,
                    multiKey: keyPath(v, values_proxyPath(proxy, MULTICLUSTER)),
                    multiState: proxy_read_config_describe(v, MULTICLUSTER, multi),
                    service: `${proxy.name}-config-dump-service`,
                    // Only the Service depends on the version (readConfigMulticluster, catalog 4.3).
                    chart: versionNote(v.chartVersion, MULTICLUSTER_SINCE)
                },
                suggest: edits?.length ? [{ messageId: 'disable', edits }] : undefined,
                key: proxy.name
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-read-only-root-fs.ts
/** proxy-read-only-root-fs: the Envoy container's root filesystem must be read-only. */






const FIELD = 'readOnlyRootFilesystem';
const proxy_read_only_root_fs_ENVOY_IMAGE = /envoy-wrapper/;
/**
 * Every edit is a suggestion (catalog section 2: fix class `suggest`): the `false` was written by someone, who may
 * have a reason (a tool writing into the image's filesystem), so `--fix` never reverses it.
 */
const proxy_read_only_root_fs_suggestion = (messageId, edits) => (edits?.length ? [{ messageId, edits }] : undefined);
/**
 * The Envoy container among the containers of a `kubeResourceOverride`: the one named like the proxy,
 * else the one running the envoy-wrapper image, else the only one.
 */
function overrideEnvoy(items, proxyName) {
    const maps = items.filter((c) => c.kind === 'map');
    return (maps.find((c) => str(c, ['name']) === proxyName) ??
        maps.find((c) => proxy_read_only_root_fs_ENVOY_IMAGE.test(str(c, ['image']) ?? '')) ??
        // The override replaces the whole list, so a lone container is the one Envoy runs in.
        (maps.length === 1 ? maps[0] : undefined));
}
/* harmony default export */ const proxy_read_only_root_fs = (defineRule({
    meta: {
        id: 'proxy-read-only-root-fs',
        category: 'security',
        severity: 'error',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: "The gateway proxy's Envoy container must run with a read-only root filesystem.",
        remediation: 'Set readOnlyRootFilesystem: true in the Envoy container\'s securityContext (in the values: in podTemplate.glooContainerSecurityContext, or leave that key out to keep the chart\'s defaults).',
        messages: {
            valuesNotTrue: '{{key}} is {{value}}{{chart}}: Envoy of proxy \'{{proxy}}\' can write to its root filesystem.',
            overrideNotTrue: '{{key}} is {{value}}{{chart}}: the kubeResourceOverride lets Envoy of proxy \'{{proxy}}\' write to its root filesystem.',
            overrideMissing: '{{key}} replaces the whole container list{{chart}}, and its Envoy container does not set securityContext.readOnlyRootFilesystem: true, so Envoy of proxy \'{{proxy}}\' can write to its root filesystem.',
            rendered: 'The Envoy container of proxy \'{{proxy}}\' does not set securityContext.readOnlyRootFilesystem: true, so Envoy can write to its root filesystem.'
        }
    },
    *checkValues(v) {
        const once = reportOnce();
        for (const proxy of renderedValuesProxies(v)) {
            const custom = customContext(v, proxy);
            // With helm-merge a missing or false value keeps the chart's `true` (Helm's merge only fills zero values).
            if (custom && !custom.merge) {
                const setting = proxySetting(v, proxy, [...CONTAINER_SC, FIELD]);
                if (setting && !isTrue(setting.node)) {
                    if (once(setting.node, 'valuesNotTrue'))
                        yield {
                            messageId: 'valuesNotTrue',
                            node: setting.node,
                            key: proxy.key,
                            // The verdict rests on a chart that reads glooContainerSecurityContext (and, with helm-merge, not mergePolicy).
                            data: { key: keyPath(v, setting.path), value: asString(setting.node) ?? 'empty', proxy: proxy.name, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
                            suggest: proxy_read_only_root_fs_suggestion('valuesNotTrue', values_setValueFix(v, setting.path, 'true'))
                        };
                }
                // Merely left out of the replacing map: proxy-security-context-replaced reports the lost default (catalog
                // section 2, "key only missing from a replacing context"), one finding per cause.
            }
            // kubeResourceOverride is read from the proxy's own values only (the chart does not inherit it), and
            // Helm's mergeOverwrite replaces lists: the containers it lists are all the pod gets.
            // Merged onto the proxy Deployment from 1.8.0-beta14 (catalog 4.3); older charts ignore it.
            if (!version_hasSince(v.chartVersion, security_OVERRIDE_SINCE))
                continue;
            const overridePath = values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers']);
            const containers = values_getValue(v, overridePath);
            if (!containers || containers.layer.synthetic)
                continue;
            const envoy = overrideEnvoy(seqItems(containers.node), proxy.name);
            if (!envoy)
                continue;
            const field = getNode(envoy, ['securityContext', FIELD]);
            if (isTrue(field))
                continue;
            if (field)
                yield {
                    messageId: 'overrideNotTrue',
                    node: field,
                    key: proxy.key,
                    data: { key: `${keyPath(v, overridePath)}${jsonPathOf(field).slice(jsonPathOf(containers.node).length)}`, value: asString(field) ?? 'empty', proxy: proxy.name, chart: versionNote(v.chartVersion, security_OVERRIDE_SINCE) },
                    suggest: proxy_read_only_root_fs_suggestion('overrideNotTrue', setPath(containers.layer.file.edit, envoy, ['securityContext', FIELD], 'true'))
                };
            else
                yield {
                    messageId: 'overrideMissing',
                    node: containerAnchor(envoy),
                    key: proxy.key,
                    data: { key: keyPath(v, overridePath), proxy: proxy.name, chart: versionNote(v.chartVersion, security_OVERRIDE_SINCE) },
                    suggest: proxy_read_only_root_fs_suggestion('overrideMissing', setPath(containers.layer.file.edit, envoy, ['securityContext', FIELD], 'true'))
                };
        }
    },
    *checkObject(obj) {
        const p = renderedProxy(obj);
        if (!p?.container)
            return;
        const field = getNode(p.container, ['securityContext', FIELD]);
        if (isTrue(field))
            return;
        yield {
            messageId: 'rendered',
            node: field ?? containerAnchor(p.container),
            data: { proxy: proxyLabel(p) },
            suggest: proxy_read_only_root_fs_suggestion('rendered', setPath(obj.file.edit, p.container, ['securityContext', FIELD], 'true'))
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-resources.ts





const REQUESTS = ['podTemplate', 'resources', 'requests'];
const LIMITS = ['podTemplate', 'resources', 'limits'];
// Placeholders only: the right numbers depend on traffic, filters and connection counts, so they are
// offered as a suggestion for a human to size, never applied by --fix.
const proxy_resources_PLACEHOLDER = { cpu: '500m', memory: '256Mi' };
/** True when a requests/limits map names cpu or memory. */
const namesCpuOrMemory = (node) => mapEntries(node).some((p) => ['cpu', 'memory'].includes(keyOf(p)));
/** The placeholder block, with a tuning marker on each line unless the text lands inside a flow map. */
function placeholders(flow) {
    return flow ? { ...proxy_resources_PLACEHOLDER } : { cpu: `${proxy_resources_PLACEHOLDER.cpu}  # TODO: tune`, memory: `${proxy_resources_PLACEHOLDER.memory}  # TODO: tune` };
}
/** `limits` entries as their own source text (quoting kept), to propose them as requests. */
function copyOfLimits(file, limits) {
    const out = {};
    for (const p of mapEntries(limits)) {
        const k = keyOf(p);
        const val = deref(p.value);
        if (['cpu', 'memory'].includes(k) && val?.kind === 'scalar' && !['literal', 'folded'].includes(val.style))
            out[k] = file.text.slice(val.start, val.end);
    }
    return out;
}
/* harmony default export */ const proxy_resources = (defineRule({
    meta: {
        id: 'proxy-resources',
        category: 'reliability',
        severity: 'warning',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: 'Gateway proxy pods must request CPU and memory.',
        remediation: 'Set gatewayProxies.<proxy>.podTemplate.resources.requests (cpu and memory sized from measured load) in the values, or resources.requests on the rendered Envoy container.',
        messages: {
            values: "{{key}} is not set: gateway proxy '{{proxy}}' pods request no CPU or memory (the chart renders none), so they are scheduled anywhere and evicted first under node pressure.",
            limitsOnly: "{{key}} is not set: gateway proxy '{{proxy}}' states only limits, which Kubernetes copies into requests; state the requests so they can be sized apart from the limits.",
            rendered: "The Envoy container '{{container}}' of gateway proxy '{{proxy}}' has no resources.requests, so it is scheduled anywhere and evicted first under node pressure.",
            addRequests: 'Add resources.requests with placeholder values (cpu {{cpu}}, memory {{memory}}) and size them from measured load.',
            copyLimits: 'Add resources.requests equal to the limits (what Kubernetes applies today).'
        }
    },
    *checkValues(v) {
        const suggestedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            if (namesCpuOrMemory(proxyValue(v, proxy, REQUESTS)?.node))
                continue;
            const limits = proxyValue(v, proxy, LIMITS);
            const limitsOnly = namesCpuOrMemory(limits?.node);
            const path = values_proxyPath(proxy, REQUESTS);
            // Limits-only proxies get their own limits copied, never the default proxy's placeholders.
            const covered = !limitsOnly && coveredByDefault(v, proxy, REQUESTS, suggestedOnDefault);
            const value = limitsOnly ? copyOfLimits(limits.layer.file, limits?.node) : placeholders(inFlow(insertionSite(v, path)));
            const edits = covered ? null : values_setValueFix(v, path, value);
            if (proxy.isDefault && !limitsOnly && edits?.length)
                suggestedOnDefault.add(REQUESTS.join('.'));
            yield {
                messageId: limitsOnly ? 'limitsOnly' : 'values',
                severity: limitsOnly ? 'notice' : undefined,
                node: locate(v, path),
                data: { key: keyPath(v, path), proxy: proxy.name, ...proxy_resources_PLACEHOLDER },
                suggest: edits?.length ? [{ messageId: limitsOnly ? 'copyLimits' : 'addRequests', edits }] : undefined,
                key: proxy.name
            };
        }
    },
    *checkObject(obj) {
        const proxy = renderedProxy(obj);
        if (!proxy?.container)
            return;
        // `replicas: 0` runs no pod, so there is nothing to size: what the values form says of a chart before 1.3.15,
        // which renders a 0 as written (catalog 4.2, "Replicas").
        if (!proxy.daemonSet && renderedReplicas(proxy) === 0)
            return;
        const resources = getNode(proxy.container, ['resources']);
        if (namesCpuOrMemory(getNode(resources, ['requests'])))
            return;
        const limits = getNode(resources, ['limits']);
        const limitsOnly = namesCpuOrMemory(limits);
        const requestsPair = query_findPair(resources, 'requests');
        const site = requestsPair ? requestsPair.value : resources ?? proxy.container;
        const value = limitsOnly ? copyOfLimits(obj.file, limits) : placeholders(inFlow(site));
        const edits = setPath(obj.file.edit, proxy.container, ['resources', 'requests'], value);
        const container = str(proxy.container, ['name']) ?? proxy.name;
        yield {
            messageId: limitsOnly ? 'limitsOnly' : 'rendered',
            severity: limitsOnly ? 'notice' : undefined,
            node: requestsPair?.key ?? query_findPair(proxy.container, 'resources')?.key ?? getNode(proxy.container, ['name']) ?? proxy.container,
            data: { key: `resources.requests of container '${container}'`, container, proxy: proxy.name, ...proxy_resources_PLACEHOLDER },
            suggest: edits?.length ? [{ messageId: limitsOnly ? 'copyLimits' : 'addRequests', edits }] : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-run-as-root.ts
/** proxy-run-as-root: Envoy must run as a non-root user, and with a securityContext the kubelet accepts. */







/** The chart's default user for every Gloo container, and the envoy-wrapper image's `USER`. */
const DEFAULT_USER = '10101';
const UNPRIVILEGED = ['podTemplate', 'runUnprivileged'];
/** envoy-wrapper images have `USER 10101` from these (projects/envoyinit/cmd/Dockerfile.envoyinit); older run as root. */
const IMAGE_USER_SINCE = '1.5.1/1.6.0-beta1';
/** runUnprivileged and disableNetBind default to true from these (catalog 4.1). */
const SECURE_DEFAULTS_SINCE = '1.3.31/1.4.0-beta15';
/**
 * `podTemplate.floatingUserId` renders `runAsUser: 0` instead of omitting it in 1.14.0-beta11 \u2026 1.14.8 and
 * 1.15.0-beta1 \u2026 13 (catalog 4.2, "uid"); unknown versions are the newest.
 */
function floatingRendersZero(v) {
    return (isAtLeast(v, '1.14.0-beta11') && isBefore(v, '1.14.9')) || (isAtLeast(v, '1.15.0-beta1') && isBefore(v, '1.15.0-beta14'));
}
/** The merged `runUnprivileged` of a proxy, chart defaults and the 1.7.0 `merge` refill included (catalog 4.1, 4.2). */
function effectiveUnprivileged(v, proxy) {
    const mode = proxy.isDefault ? 'default' : customMerge(v);
    const chartOn = !hasOldSecurityDefaults(v.chartVersion) && mode !== 'alone';
    const found = mergedProxyValue(v, proxy, UNPRIVILEGED);
    const raw = found && !found.deleted ? scalarValue(found.node) : undefined;
    // `--set` parameters hold strings; in YAML a quoted "false" is a (truthy) string.
    const value = found?.layer.synthetic && (raw === 'true' || raw === 'false') ? raw === 'true' : raw;
    if (!found || found.deleted || value === null || value === undefined) {
        if (chartOn)
            return { on: true, found: null };
        const why = hasOldSecurityDefaults(v.chartVersion)
            ? `chart ${v.chartVersion.raw} does not run Envoy unprivileged by default (until ${SECURE_DEFAULTS_SINCE})`
            : `before chart 1.7.0-beta21 a custom proxy does not inherit gatewayProxy's runUnprivileged: true (this is chart ${v.chartVersion.raw})`;
        return { on: false, found: null, why };
    }
    const truthy = value !== false && value !== 0 && value !== '';
    // 1.7.0-beta21 \u2026 1.7.0: sprig `merge` refills a custom `false` from gatewayProxy (the chart default true).
    if (!truthy && mode === 'merge' && !found.inherited && chartOn)
        return { on: true, found: null };
    return { on: truthy, found };
}
const proxy_run_as_root_suggestion = (messageId, edits) => (edits?.length ? [{ messageId, edits }] : undefined);
/* harmony default export */ const proxy_run_as_root = (defineRule({
    meta: {
        id: 'proxy-run-as-root',
        category: 'security',
        severity: 'error',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: 'The gateway proxy must run Envoy as a non-root user.',
        remediation: 'Set gatewayProxies.<proxy>.podTemplate.runUnprivileged: true and runAsUser: 10101 (or floatingUserId: true on OpenShift) in the values; in rendered manifests set runAsNonRoot: true and a non-zero runAsUser.',
        messages: {
            runUnprivileged: "{{key}} is false on chart {{version}}, whose envoy-wrapper image has no USER (until 1.5.1): Envoy of proxy '{{proxy}}' runs as root.",
            runUnprivilegedImageUser: "{{key}} is {{state}}{{imageChart}}: Envoy of proxy '{{proxy}}' still runs as uid 10101 (the envoy-wrapper image's USER{{rendered}}), but runAsNonRoot is not set, so nothing stops an image or override from running it as root.",
            runUnprivilegedDefault: "{{key}} is not set: {{why}}, and the envoy-wrapper image of chart {{version}} has no USER (until 1.5.1), so Envoy of proxy '{{proxy}}' runs as root.",
            runAsUser: "{{key}} is 0: Envoy of proxy '{{proxy}}' runs as root.",
            refused: "{{key}} is 0 next to runAsNonRoot: true{{defaultsChart}}: the kubelet refuses to start Envoy of proxy '{{proxy}}' (CreateContainerConfigError).",
            floatingRefused: "{{key}} is true on chart {{version}}, which renders runAsUser: 0 for it (1.14.0-beta11 \u2026 1.14.8, 1.15.0-beta1 \u2026 13){{nonRoot}}: Envoy of proxy '{{proxy}}' {{effect}}.",
            runAsNonRoot: "{{key}} is false: nothing stops Envoy of proxy '{{proxy}}' from running as root.",
            rootImage: "Neither the pod nor the Envoy container of proxy '{{proxy}}' sets runAsUser, and its image {{image}} has no USER (until 1.5.1): Envoy runs as root.",
            unset: "Neither the pod nor the Envoy container of proxy '{{proxy}}' sets runAsNonRoot: true or a non-zero runAsUser, so Envoy runs as the image's user, which may be root."
        }
    },
    *checkValues(v) {
        const once = reportOnce();
        const version = v.chartVersion?.raw ?? '';
        const imageUser = version_hasSince(v.chartVersion, IMAGE_USER_SINCE);
        const newContext = version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE);
        const pss = !!restrictedDefaults(v);
        // What an unknown version assumes: the image's USER (1.5.1/1.6.0-beta1) and runUnprivileged on by default (1.3.31/1.4.0-beta15).
        const imageChart = versionNote(v.chartVersion, IMAGE_USER_SINCE);
        const defaultsChart = versionNote(v.chartVersion, SECURE_DEFAULTS_SINCE);
        for (const proxy of renderedValuesProxies(v)) {
            const data = { proxy: proxy.name, version, imageChart, defaultsChart };
            const custom = customContext(v, proxy);
            const replaced = !!custom && !custom.merge;
            const floating = floatingUser(v, proxy);
            // Only the proxy's own floatingUserId renders runAsUser: 0 in the affected window (the global key came later).
            const ownFloating = floating ? proxySetting(v, proxy, ['podTemplate', 'floatingUserId']) : null;
            const floatingIsOwn = !!floating && !!ownFloating && floating.node === ownFloating.node;
            const unpriv = effectiveUnprivileged(v, proxy);
            // The container's runAsNonRoot as rendered without a replacing context: runUnprivileged, or PSS's merge.
            const nonRoot = unpriv.on || (pss && newContext);
            const customNonRoot = custom ? proxySetting(v, proxy, [...CONTAINER_SC, 'runAsNonRoot']) : null;
            // floatingUserId leaves runAsUser out, except in the window where it renders 0.
            const user = floating ? null : proxySetting(v, proxy, ['podTemplate', 'runAsUser']);
            const userZero = !!user && asNumber(user.node) === 0;
            if (user && userZero && once(user.node, 'runAsUser')) {
                const refused = !replaced && nonRoot;
                yield {
                    messageId: refused ? 'refused' : 'runAsUser',
                    node: user.node,
                    key: proxy.key,
                    data: { ...data, key: keyPath(v, user.path) },
                    suggest: proxy_run_as_root_suggestion(refused ? 'refused' : 'runAsUser', values_setValueFix(v, user.path, DEFAULT_USER))
                };
            }
            if (floatingIsOwn && floatingRendersZero(v.chartVersion) && !replaced && v.chartVersion && once(ownFloating.node, 'floatingRefused')) {
                yield {
                    messageId: 'floatingRefused',
                    node: ownFloating.node,
                    key: proxy.key,
                    data: {
                        ...data,
                        key: keyPath(v, ownFloating.path),
                        nonRoot: nonRoot ? ' next to runAsNonRoot: true' : '',
                        effect: nonRoot ? 'is refused by the kubelet (CreateContainerConfigError)' : 'runs as root'
                    },
                    suggest: proxy_run_as_root_suggestion('floatingRefused', values_setValueFix(v, ownFloating.path, 'false'))
                };
            }
            // uid 0 is reported above; on images with a USER the warning below would wrongly say uid 10101.
            const rootUser = userZero || (floatingIsOwn && floatingRendersZero(v.chartVersion));
            if (!replaced && !nonRoot && !(rootUser && imageUser)) {
                const path = unpriv.found ? (unpriv.found.inherited ? ['gatewayProxies', 'gatewayProxy', ...UNPRIVILEGED] : values_proxyPath(proxy, UNPRIVILEGED)) : values_proxyPath(proxy, UNPRIVILEGED);
                const node = unpriv.found ? unpriv.found.node : locate(v, path);
                const key = keyPath(v, path);
                const fix = proxy_run_as_root_suggestion('runUnprivileged', values_setValueFix(v, path, 'true'));
                // A replacing glooContainerSecurityContext with runAsNonRoot: true (helm-merge keeps it) enforces it.
                const enforcedByCustom = !!custom && scalarValue(customNonRoot?.node) === true;
                if (!enforcedByCustom && once(node, 'runUnprivileged')) {
                    if (!imageUser)
                        yield unpriv.found
                            ? { messageId: 'runUnprivileged', node, key: proxy.key, data: { ...data, key }, suggest: fix }
                            : { messageId: 'runUnprivilegedDefault', node, key: proxy.key, data: { ...data, key, why: unpriv.why }, suggest: proxy_run_as_root_suggestion('runUnprivilegedDefault', values_setValueFix(v, path, 'true')) };
                    else
                        yield {
                            messageId: 'runUnprivilegedImageUser',
                            severity: 'warning',
                            node,
                            key: proxy.key,
                            data: {
                                ...data,
                                key,
                                state: unpriv.found ? 'false' : `not set (${unpriv.why})`,
                                rendered: newContext && !floating ? ', rendered as runAsUser' : ''
                            },
                            suggest: proxy_run_as_root_suggestion('runUnprivilegedImageUser', values_setValueFix(v, path, 'true'))
                        };
                }
            }
            if (!custom)
                continue;
            // With helm-merge a zero value (0, false) is filled from the chart's default when that is non-zero.
            const customUser = floating && !floatingIsOwn ? null : proxySetting(v, proxy, [...CONTAINER_SC, 'runAsUser']);
            const defaultUser = floating ? 0 : asNumber(user?.node) ?? Number(DEFAULT_USER);
            const customUserZero = !!customUser && asNumber(customUser.node) === 0 && !(custom.merge && defaultUser !== 0);
            const effectiveNonRoot = custom.merge ? scalarValue(customNonRoot?.node) === true || nonRoot : scalarValue(customNonRoot?.node) === true;
            if (customUser && customUserZero && once(customUser.node, 'runAsUser')) {
                const refused = effectiveNonRoot;
                yield {
                    messageId: refused ? 'refused' : 'runAsUser',
                    node: customUser.node,
                    key: proxy.key,
                    data: { ...data, key: keyPath(v, customUser.path) },
                    suggest: proxy_run_as_root_suggestion(refused ? 'refused' : 'runAsUser', values_setValueFix(v, customUser.path, DEFAULT_USER))
                };
            }
            // runAsNonRoot: false renders as written (a warning, as in rendered output); a uid 0 above is the error.
            if (customNonRoot && scalarValue(customNonRoot.node) === false && !(custom.merge && nonRoot) && once(customNonRoot.node, 'runAsNonRoot'))
                yield {
                    messageId: 'runAsNonRoot',
                    severity: customUserZero ? 'error' : 'warning',
                    node: customNonRoot.node,
                    key: proxy.key,
                    data: { ...data, key: keyPath(v, customNonRoot.path) },
                    suggest: proxy_run_as_root_suggestion('runAsNonRoot', values_setValueFix(v, customNonRoot.path, 'true'))
                };
        }
    },
    *checkObject(obj) {
        const p = renderedProxy(obj);
        if (!p?.container)
            return;
        const container = p.container;
        // Rendered output says what it runs: no chart version to name.
        const data = { proxy: proxyLabel(p), defaultsChart: '' };
        // The container's securityContext wins over the pod's, field by field.
        const field = (name) => getNode(container, ['securityContext', name]) ?? getNode(p.podSpec, ['securityContext', name]);
        const src = obj.file.edit;
        const userNode = field('runAsUser');
        const user = asNumber(userNode);
        const nonRootNode = field('runAsNonRoot');
        const nonRoot = scalarValue(nonRootNode);
        if (userNode && user === 0) {
            const messageId = nonRoot === true ? 'refused' : 'runAsUser';
            yield {
                messageId,
                node: userNode,
                data: { ...data, key: jsonPathOf(userNode) },
                suggest: userNode.kind === 'scalar' ? [{ messageId, edits: [{ range: [userNode.start, userNode.end], text: DEFAULT_USER }] }] : undefined
            };
        }
        if (nonRootNode && nonRoot === false) {
            if (user === 0)
                return;
            yield {
                messageId: 'runAsNonRoot',
                severity: 'warning',
                node: nonRootNode,
                data: { ...data, key: jsonPathOf(nonRootNode) },
                suggest: nonRootNode.kind === 'scalar' ? [{ messageId: 'runAsNonRoot', edits: [{ range: [nonRootNode.start, nonRootNode.end], text: 'true' }] }] : undefined
            };
            return;
        }
        if (userNode || nonRoot === true)
            return;
        const edits = setPath(src, container, ['securityContext'], { runAsNonRoot: 'true', runAsUser: DEFAULT_USER });
        // Without any user the image's USER decides: envoy-wrapper images before 1.5.1 have none (root).
        const image = imageVersion(container);
        if (image && !version_hasSince(image, IMAGE_USER_SINCE)) {
            yield { messageId: 'rootImage', node: containerAnchor(container), data: { ...data, image: str(container, ['image']) ?? '' }, suggest: proxy_run_as_root_suggestion('rootImage', edits) };
            return;
        }
        yield { messageId: 'unset', severity: 'warning', node: containerAnchor(container), data, suggest: proxy_run_as_root_suggestion('unset', edits) };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-seccomp.ts
/** proxy-seccomp: Envoy should run under a seccomp profile (RuntimeDefault or Localhost), set on its container or its pod. */






/** The profiles that confine a container (Kubernetes `SeccompProfile.type`); `Unconfined` turns seccomp off. */
const CONFINED = new Set(['RuntimeDefault', 'Localhost']);
const SECCOMP_TYPE = ['seccompProfile', 'type'];
const RUNTIME_DEFAULT = 'RuntimeDefault';
const confined = (p) => !!p?.type && CONFINED.has(p.type);
const unconfined = (p) => p?.type === 'Unconfined';
/** The profile a values setting writes below `sub` (a securityContext map's path under the proxy), if any. */
function fromSetting(v, proxy, sub) {
    const s = proxySetting(v, proxy, [...sub, ...SECCOMP_TYPE]);
    return s ? { type: asString(s.node), node: s.node, key: () => keyPath(v, s.path), edits: () => values_setValueFix(v, s.path, RUNTIME_DEFAULT) } : null;
}
/**
 * The Envoy container's profile as the chart renders it (catalog 4.2): from glooContainerSecurityContext (replacing,
 * or merged into defaults holding the PSS profile) or the PSS defaults; a kubeResourceOverride containers list has the
 * last word (mergeOverwrite replaces the chart's list).
 */
function containerProfile(v, proxy) {
    const envoy = isAtLeast(v.chartVersion, security_OVERRIDE_SINCE) ? overrideEnvoyContainer(v, proxy) : null;
    if (envoy) {
        const node = getNode(envoy.container, ['securityContext', ...SECCOMP_TYPE]);
        const src = envoy.found.layer.synthetic ? null : envoy.found.layer.file.edit;
        return node ? { type: asString(node), node, key: () => jsonPathOf(node), edits: () => src && setPath(src, envoy.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT) } : null;
    }
    if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE))
        return null;
    const map = contextMap(v, proxy, CONTAINER_SC);
    const merge = mergesAt(v, map);
    const own = map ? fromSetting(v, proxy, CONTAINER_SC) : null;
    // helm-merge refills an empty type from the defaults; a replacing map keeps only what it says.
    if (own && !(merge && isHelmEmpty(own.node)))
        return own;
    const pss = restrictedDefaults(v);
    return pss && (!map || merge) ? { type: pss.seccompType, node: pss.found.node, key: () => 'global.podSecurityStandards.container' } : null;
}
/**
 * The pod's profile as the chart renders it: from podSecurityContext; a kubeResourceOverride's pod securityContext
 * merges over the chart's (mergeOverwrite). Asked only when the container has no confined profile of its own.
 */
function podProfile(v, proxy) {
    if (isAtLeast(v.chartVersion, security_OVERRIDE_SINCE)) {
        const podPath = values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE]);
        const podOverride = values_getValue(v, podPath);
        if (podOverride && !isHelmEmpty(podOverride.node))
            return { type: asString(podOverride.node), node: podOverride.node, key: () => keyPath(v, podPath), edits: () => values_setValueFix(v, podPath, RUNTIME_DEFAULT) };
    }
    return version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE) && podContextRendered(v, proxy) && contextMap(v, proxy, POD_SC) ? fromSetting(v, proxy, POD_SC) : null;
}
/** Suggestions for a proxy whose pod and Envoy container have no profile at all. */
function missingSuggestions(v, proxy) {
    const out = [];
    const map = contextMap(v, proxy, CONTAINER_SC);
    const merge = mergesAt(v, map);
    const overrideFix = () => {
        if (!isAtLeast(v.chartVersion, security_OVERRIDE_SINCE))
            return;
        const path = values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE]);
        const edits = values_setValueFix(v, path, RUNTIME_DEFAULT);
        if (edits?.length)
            out.push({ messageId: 'override', data: { key: keyPath(v, path) }, edits });
    };
    // A kubeResourceOverride containers list replaces the chart's containers: only its Envoy container counts.
    const envoy = isAtLeast(v.chartVersion, security_OVERRIDE_SINCE) ? overrideEnvoyContainer(v, proxy) : null;
    if (envoy) {
        const edits = envoy.found.layer.synthetic ? null : setPath(envoy.found.layer.file.edit, envoy.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT);
        const index = seqItems(envoy.found.node).indexOf(envoy.container);
        const key = `${keyPath(v, values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'containers']))}[${index}].securityContext`;
        if (edits?.length)
            out.push({ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key }, edits });
        return out;
    }
    if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE)) {
        overrideFix();
        return out;
    }
    if (map) {
        // The map already replaces (or merges into) the defaults: a profile in it changes nothing else.
        const edits = values_setValueFix(v, [...map.path, ...SECCOMP_TYPE], RUNTIME_DEFAULT);
        if (edits?.length)
            out.push({ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: keyPath(v, map.path) }, edits });
    }
    else if (version_hasSince(v.chartVersion, MERGE_POLICY_SINCE)) {
        // A new map would replace the chart's defaults; with helm-merge it only adds the profile.
        const path = values_proxyPath(proxy, CONTAINER_SC);
        const edits = values_setValueFix(v, path, { mergePolicy: 'helm-merge', seccompProfile: { type: RUNTIME_DEFAULT } });
        if (edits?.length)
            out.push({ messageId: 'container', data: { what: `mergePolicy: helm-merge and ${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: keyPath(v, path) }, edits });
    }
    else
        overrideFix();
    if (version_hasSince(v.chartVersion, PSS_SINCE) && (!map || merge)) {
        const root = globalValues(v);
        const path = ['global', ...PSS_SWITCH];
        const edits = values_setValueFix(root, path, 'true');
        if (edits?.length)
            out.push({ messageId: 'pss', data: { key: keyPath(root, path) }, edits });
    }
    return out;
}
/** The node a finding about a proxy without any profile points at: where the container's profile would go. */
function missingNode(v, proxy) {
    if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE))
        return locate(v, values_proxyPath(proxy, [...OVERRIDE_POD_SPEC, 'securityContext', ...SECCOMP_TYPE]));
    const map = contextMap(v, proxy, CONTAINER_SC);
    return locate(v, [...(map ? map.path : values_proxyPath(proxy, CONTAINER_SC)), ...SECCOMP_TYPE]);
}
/* harmony default export */ const proxy_seccomp = (defineRule({
    meta: {
        id: 'proxy-seccomp',
        category: 'security',
        severity: 'notice',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: "The gateway proxy's Envoy container should run under a seccomp profile (RuntimeDefault or Localhost).",
        remediation: 'Set seccompProfile.type: RuntimeDefault on the Envoy container or its pod: in the values through podTemplate.glooContainerSecurityContext or podSecurityContext (chart 1.14.0-beta11 and later), global.podSecurityStandards.container.enableRestrictedContainerDefaults (1.16.14, 1.17.0-beta29 and later), or kubeResourceOverride on older charts.',
        messages: {
            missing: "Neither the Envoy container nor the pod of proxy '{{proxy}}' sets seccompProfile.type RuntimeDefault or Localhost{{chart}}, so Envoy runs without a seccomp filter and can make any system call.",
            unconfined: "{{key}} is Unconfined: Envoy of proxy '{{proxy}}' runs without a seccomp filter and can make any system call.",
            oldChart: "Chart {{version}} gives proxy '{{proxy}}' no seccompProfile and reads no key for one (from 1.14.0-beta11), so Envoy runs without a seccomp filter; {{how}}.",
            container: 'Set {{what}} in {{key}} (check first that Envoy and its filters make no system call the profile blocks).',
            pss: 'Set {{key}}: true (check first: it changes the securityContext of every Gloo container, not only this proxy).',
            override: 'Set {{key}}: RuntimeDefault (check first that Envoy and its filters make no system call the profile blocks).'
        }
    },
    *checkValues(v) {
        const once = reportOnce();
        for (const proxy of renderedValuesProxies(v)) {
            const container = containerProfile(v, proxy);
            if (confined(container))
                continue;
            const pod = podProfile(v, proxy);
            // The container's own profile wins over the pod's; without one it inherits the pod's.
            const bad = unconfined(container) ? container : !container?.type && unconfined(pod) ? pod : null;
            if (bad) {
                if (once(bad.node, 'unconfined')) {
                    const edits = bad.edits?.();
                    yield {
                        messageId: 'unconfined',
                        severity: 'warning',
                        node: bad.node,
                        key: proxy.key,
                        data: { key: bad.key(), proxy: proxy.name },
                        suggest: edits?.length ? [{ messageId: 'container', data: { what: `type: ${RUNTIME_DEFAULT}`, key: bad.key().replace(/\.type$/, '') }, edits }] : undefined
                    };
                }
                continue;
            }
            if (!container?.type && confined(pod))
                continue;
            const node = missingNode(v, proxy);
            // A custom proxy missing the profile only through the map it inherits is gatewayProxy's finding (and fix).
            if (!once(node, 'missing') && contextMap(v, proxy, CONTAINER_SC)?.found.inherited)
                continue;
            const suggest = missingSuggestions(v, proxy);
            const old = !version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE);
            const how = isAtLeast(v.chartVersion, security_OVERRIDE_SINCE)
                ? `set spec.template.spec.securityContext.seccompProfile through ${keyPath(v, values_proxyPath(proxy, ['kubeResourceOverride']))}`
                : 'upgrade the chart';
            yield {
                messageId: old ? 'oldChart' : 'missing',
                node,
                key: proxy.key,
                // The values verdict rests on the chart's securityContext keys and defaults (1.14.0-beta11 on, catalog row).
                data: old ? { version: v.chartVersion?.raw, proxy: proxy.name, how } : { proxy: proxy.name, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
                suggest: suggest.length ? suggest : undefined
            };
        }
    },
    *checkObject(obj) {
        const p = renderedProxy(obj);
        if (!p?.container)
            return;
        const containerNode = getNode(p.container, ['securityContext', ...SECCOMP_TYPE]);
        const podNode = getNode(p.podSpec, ['securityContext', ...SECCOMP_TYPE]);
        const container = asString(containerNode);
        const pod = asString(podNode);
        if (container && CONFINED.has(container))
            return;
        // The container's own profile wins over the pod's; without one it inherits the pod's.
        const bad = container === 'Unconfined' ? containerNode : !container && pod === 'Unconfined' ? podNode : null;
        const src = obj.file.edit;
        const proxy = proxyLabel(p);
        if (bad) {
            const edits = bad.kind === 'scalar' ? [{ range: [bad.start, bad.end], text: RUNTIME_DEFAULT }] : null;
            const key = jsonPathOf(bad);
            yield {
                messageId: 'unconfined',
                severity: 'warning',
                node: bad,
                data: { key, proxy },
                suggest: edits ? [{ messageId: 'container', data: { what: `type: ${RUNTIME_DEFAULT}`, key: key.replace(/\.type$/, '') }, edits }] : undefined
            };
            return;
        }
        if (!container && pod && CONFINED.has(pod))
            return;
        const edits = setPath(src, p.container, ['securityContext', ...SECCOMP_TYPE], RUNTIME_DEFAULT);
        const sc = getNode(p.container, ['securityContext']);
        yield {
            messageId: 'missing',
            node: containerAnchor(p.container),
            data: { proxy, chart: '' },
            suggest: edits?.length
                ? [{ messageId: 'container', data: { what: `${SECCOMP_TYPE.join('.')}: ${RUNTIME_DEFAULT}`, key: sc ? jsonPathOf(sc) : `${jsonPathOf(p.container)}.securityContext` }, edits }]
                : undefined
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-security-context-replaced.ts
/** proxy-security-context-replaced: a securityContext map in the values that replaces the chart's defaults instead of merging into them. */





const isZero = (value) => value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0);
/** How a message says why the map replaces: no helm-merge, another policy, or a chart that does not read the key. */
function policyText(v, map) {
    const value = map.policy?.value;
    if (value === 'helm-merge')
        return `chart ${v.chartVersion?.raw ?? ''} does not read mergePolicy (from 1.14.5 and 1.15.0-beta6)`;
    if (value !== undefined)
        return `mergePolicy is ${value === '' ? '""' : value}`;
    return 'no mergePolicy: helm-merge';
}
/** The value a key of the map has as written, for messages: `false`, `0`, `""`. */
const written = (node) => {
    const n = deref(node);
    if (!n)
        return 'empty';
    if (n.kind === 'map')
        return '{}';
    if (n.kind === 'seq')
        return '[]';
    const value = scalarValue(n);
    return value === '' ? '""' : String(value);
};
/**
 * What a human should check before `mergePolicy: helm-merge` goes in (empty: the fix is safe, catalog F1/F3).
 * helm-merge is Helm's `merge`: the map's keys win, but a key it leaves out, or sets to a zero value, takes the
 * chart's default (1.22.1 H:230).
 */
function mergeChecks(v, proxy, map, sub, defaults) {
    const checks = [];
    if (!v.chartVersion)
        checks.push('the chart version is unknown, and mergePolicy needs chart 1.14.5, 1.15.0-beta6 or later');
    // 1.14.0-beta11\u20261.14.8 and 1.15.0-beta1\u202613 render runAsUser: 0 with floatingUserId: merged in, the kubelet refuses it.
    if (floatingUser(v, proxy))
        checks.push('floatingUserId is set: check the runAsUser the merged context ends up with');
    for (const entry of defaults) {
        const found = proxySetting(v, proxy, [...sub, ...entry.path]);
        if (entry.hardening && found && isHelmEmpty(found.node) && !isZero(entry.value))
            checks.push(`helm-merge would turn ${entry.path.join('.')}: ${written(found.node)} into the chart's ${entry.label}`);
        // The chart grants NET_BIND_SERVICE (disableNetBind: false); a replacing map without `add` does not.
        if (!entry.hardening && (!found || isHelmEmpty(found.node)))
            checks.push(`helm-merge would add the chart's ${entry.label} (disableNetBind is false)`);
    }
    if (map.policy?.value === 'no-merge')
        checks.push(`it reverses mergePolicy: no-merge in ${keyPath(v, map.policy.path)}`);
    return checks;
}
function* replacedProblems(v, proxy, sub, messageId, defaultsOf, once) {
    const map = contextMap(v, proxy, sub);
    if (!map || mergesAt(v, map))
        return;
    // The defaults a replacing map loses: worked out only for one (most maps merge, or there is none).
    const defaults = defaultsOf(v, proxy);
    // Only what the map leaves out is lost; a key it sets to another value is the other rules' finding.
    const dropped = defaults.filter((e) => e.hardening && !proxySetting(v, proxy, [...sub, ...e.path])).map((e) => e.label);
    if (!dropped.length)
        return;
    const node = map.found.pair?.key ?? map.found.node;
    if (!once(node, messageId))
        return;
    const key = keyPath(v, map.path);
    const problem = {
        messageId,
        node,
        key: proxy.key,
        // The verdict rests on a chart that reads the map (1.14.0-beta11) and, without helm-merge read, replaces with it.
        data: { key, proxy: proxy.name, dropped: dropped.join(', '), policy: policyText(v, map), chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE) },
        ...(messageId === 'podReplaced' ? { severity: 'notice' } : {})
    };
    // A chart that does not read mergePolicy gets no edit: it would render the key into the securityContext.
    if (version_hasSince(v.chartVersion, MERGE_POLICY_SINCE)) {
        const edits = values_setValueFix(v, [...map.path, 'mergePolicy'], 'helm-merge');
        const checks = mergeChecks(v, proxy, map, sub, defaults);
        if (edits?.length && !checks.length)
            problem.fix = edits;
        else if (edits?.length)
            problem.suggest = [{ messageId: 'merge', data: { key, check: checks.join('; ') }, edits }];
    }
    yield problem;
}
/* harmony default export */ const proxy_security_context_replaced = (defineRule({
    meta: {
        id: 'proxy-security-context-replaced',
        category: 'security',
        severity: 'warning',
        kinds: ['values'],
        fixable: true,
        description: "A gateway proxy's glooContainerSecurityContext or podSecurityContext should merge into the chart's secure defaults, not replace them.",
        remediation: 'Add mergePolicy: helm-merge to gatewayProxies.<proxy>.podTemplate.glooContainerSecurityContext (and podSecurityContext) on chart 1.14.5, 1.15.0-beta6 or later, or write every default it drops into the map.',
        messages: {
            replaced: "{{key}} replaces the chart's securityContext defaults of the Envoy container of proxy '{{proxy}}' ({{policy}}), so Envoy runs without {{dropped}}{{chart}}.",
            podReplaced: "{{key}} replaces the chart's pod securityContext defaults of proxy '{{proxy}}' ({{policy}}), so the pod runs without {{dropped}}{{chart}}.",
            merge: "Set mergePolicy: helm-merge in {{key}} so the chart's defaults fill the keys it leaves out (check first: {{check}})."
        }
    },
    *checkValues(v) {
        if (!version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE))
            return;
        const once = reportOnce();
        for (const proxy of renderedValuesProxies(v)) {
            yield* replacedProblems(v, proxy, CONTAINER_SC, 'replaced', envoyContainerDefaults, once);
            if (podContextRendered(v, proxy))
                yield* replacedProblems(v, proxy, POD_SC, 'podReplaced', proxyPodDefaults, once);
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-single-replica.ts







/** From here a `replicas: 0` is omitted and the proxy runs one pod (or its autoscaler's); before, zero pods (catalog 4.2). */
const ZERO_DROPPED_SINCE = '1.3.15';
const proxy_single_replica_REPLICAS = ['kind', 'deployment', 'replicas'];
const HPA_MIN = ['horizontalPodAutoscaler', 'minReplicas'];
/** A key people write for the proxy's replicas that the chart never reads. */
const proxy_single_replica_MISPLACED = ['deployment', 'replicas'];
/** Raising minReplicas above maxReplicas would make the HPA invalid. */
const roomForTwo = (max) => max === undefined || max >= 2;
/* harmony default export */ const proxy_single_replica = (defineRule({
    meta: {
        id: 'proxy-single-replica',
        category: 'reliability',
        severity: 'warning',
        kinds: ['values', 'apps/v1/Deployment', 'autoscaling/v2/HorizontalPodAutoscaler', 'autoscaling/v1/HorizontalPodAutoscaler'],
        fixable: true,
        description: 'Every gateway proxy must run at least two pods.',
        remediation: 'Set gatewayProxies.<proxy>.kind.deployment.replicas: 2 (or an autoscaler minReplicas of at least 2), or spec.replicas: 2 on the rendered proxy Deployment.',
        messages: {
            values: "{{key}} is {{state}}: gateway proxy '{{proxy}}' runs a single Envoy pod, so a node drain, eviction or crash drops all its traffic.",
            misplaced: "{{key}} is {{state}}, and {{misplaced}} is not a chart key (the chart reads kind.deployment.replicas): gateway proxy '{{proxy}}' runs a single Envoy pod.",
            hpaMin: "{{key}} is {{state}}: the autoscaler can shrink gateway proxy '{{proxy}}' to a single Envoy pod, so a node drain, eviction or crash drops all its traffic.",
            rendered: "Gateway proxy '{{name}}' runs a single Envoy pod ({{state}}) and no HorizontalPodAutoscaler keeps two, so a node drain, eviction or crash drops all its traffic.",
            twoOnHostNetwork: 'Set two replicas where the pods can run on different nodes: under hostNetwork each pod binds the host ports, so two pods never share a node.',
            renderedHpa: "HorizontalPodAutoscaler '{{hpa}}' can shrink gateway proxy '{{name}}' to a single Envoy pod ({{state}}), so a node drain, eviction or crash drops all its traffic."
        }
    },
    *checkValues(v, { project }) {
        const fixedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const scale = valuesScale(v, proxy, project);
            if (scale.daemonSet)
                continue;
            const { hpa } = scale;
            if (hpa) {
                // An HPA object elsewhere in the run is reported on that object, where its fix belongs.
                if (hpa.min >= 2 || hpa.source === 'object')
                    continue;
                const max = asNumber(getNode(hpa.found?.node, ['maxReplicas']));
                const covered = coveredByDefault(v, proxy, HPA_MIN, fixedOnDefault);
                const fix = covered || !roomForTwo(max) ? null : values_setValueFix(v, values_proxyPath(proxy, HPA_MIN), '2');
                if (proxy.isDefault && fix)
                    fixedOnDefault.add(HPA_MIN.join('.'));
                yield {
                    messageId: 'hpaMin',
                    node: locate(v, values_proxyPath(proxy, HPA_MIN)),
                    data: { key: keyPath(v, values_proxyPath(proxy, HPA_MIN)), state: describeSetting(v, HPA_MIN, proxyValue(v, proxy, HPA_MIN), '1'), proxy: proxy.name },
                    fix,
                    key: proxy.name
                };
                continue;
            }
            if (scale.replicas >= 2)
                continue;
            // The chart renders replicas only when truthy (catalog 4.2): a 0 is dropped and one pod runs.
            const zero = asNumber(scale.replicasFound?.node) === 0;
            // Dropping a 0 is what charts \u2265 1.3.15 do (catalog 4.2, "Replicas"); before, a 0 runs no pod.
            const state = zero
                ? withNote('0, which the chart drops (it renders replicas only when truthy)', versionNote(v.chartVersion, ZERO_DROPPED_SINCE))
                : describeSetting(v, proxy_single_replica_REPLICAS, scale.replicasFound, '1');
            const data = { key: keyPath(v, values_proxyPath(proxy, proxy_single_replica_REPLICAS)), state, proxy: proxy.name };
            const misplaced = scale.replicasFound ? null : values_getValue(v, values_proxyPath(proxy, proxy_single_replica_MISPLACED));
            if (misplaced) {
                // values-unknown-key moves the misplaced key; a second fix here would write kind.deployment twice.
                yield { messageId: 'misplaced', node: misplaced.node, data: { ...data, misplaced: keyPath(v, values_proxyPath(proxy, proxy_single_replica_MISPLACED)) }, key: proxy.name };
                continue;
            }
            const covered = coveredByDefault(v, proxy, proxy_single_replica_REPLICAS, fixedOnDefault);
            const edits = covered ? null : values_setValueFix(v, values_proxyPath(proxy, proxy_single_replica_REPLICAS), '2');
            // Under host networking every pod binds the node's ports: a second replica needs a second node (catalog: safe unless hostNetwork).
            if (valuesHostNetwork(v, proxy)) {
                yield { messageId: 'values', node: locate(v, values_proxyPath(proxy, proxy_single_replica_REPLICAS)), data, suggest: edits?.length ? [{ messageId: 'twoOnHostNetwork', edits }] : undefined, key: proxy.name };
                continue;
            }
            if (proxy.isDefault && edits)
                fixedOnDefault.add(proxy_single_replica_REPLICAS.join('.'));
            yield { messageId: 'values', node: locate(v, values_proxyPath(proxy, proxy_single_replica_REPLICAS)), data, fix: edits, key: proxy.name };
        }
    },
    *checkObject(obj, { project }) {
        if (obj.kind === 'HorizontalPodAutoscaler') {
            const targets = proxiesForHpa(project, obj);
            if (!targets.length)
                return;
            const min = hpaMinReplicas(obj);
            if (min >= 2)
                return;
            const minNode = getNode(obj.root, ['spec', 'minReplicas']);
            const max = asNumber(getNode(obj.root, ['spec', 'maxReplicas']));
            yield {
                messageId: 'renderedHpa',
                node: locatePath(obj.root, ['spec', 'minReplicas']),
                data: { hpa: obj.name, name: targets[0].name, state: minNode ? `spec.minReplicas is ${min}` : 'spec.minReplicas is not set (default 1)' },
                fix: roomForTwo(max) ? setPath(obj.file.edit, obj.root, ['spec', 'minReplicas'], '2') : null
            };
            return;
        }
        const proxy = renderedProxy(obj);
        if (!proxy || proxy.daemonSet)
            return;
        // An HPA owns the replica count; it is checked (and fixed) on the HPA itself.
        if (hpasFor(project, proxy.name, obj.namespace).length)
            return;
        const replicas = renderedReplicas(proxy);
        if (replicas >= 2)
            return;
        const node = getNode(obj.root, ['spec', 'replicas']);
        yield {
            messageId: 'rendered',
            node: locatePath(obj.root, ['spec', 'replicas']),
            data: { name: proxy.name, state: node ? `spec.replicas is ${replicas}` : 'spec.replicas is not set (default 1)' },
            fix: setPath(obj.file.edit, obj.root, ['spec', 'replicas'], '2')
        };
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy-token-automount.ts





const proxy_token_automount_PATH = ['gateway', 'proxyServiceAccount', 'disableAutomount'];
const IRSA = 'eks.amazonaws.com/role-arn';
/* harmony default export */ const proxy_token_automount = (defineRule({
    meta: {
        id: 'proxy-token-automount',
        category: 'security',
        severity: 'error',
        kinds: ['values', 'v1/ServiceAccount', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: true,
        description: 'The gateway proxy pods must not mount a Kubernetes API token.',
        remediation: 'Set gateway.proxyServiceAccount.disableAutomount: true in the values, or automountServiceAccountToken: false on the gateway-proxy ServiceAccount or the proxy pod spec.',
        messages: {
            values: '{{key}} is not true: every gateway proxy pod mounts a Kubernetes API token that Envoy never needs.',
            irsa: '{{key}} is not true, and the proxy ServiceAccount carries an EKS IRSA role ({{annotation}}); confirm the proxy does not need the token, then disable automount.',
            serviceAccount: "ServiceAccount '{{name}}' mounts its API token into every gateway proxy pod; set automountServiceAccountToken: false.",
            disableAutomount: 'Set {{key}}: true once nothing in the proxy pod needs the Kubernetes API token.',
            istio: "{{key}} is not true, and the proxy runs with Istio ({{why}}): the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
            istioServiceAccount: "ServiceAccount '{{name}}' mounts its API token into gateway proxy pods that run with Istio ({{why}}): the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
            istioPod: "Proxy '{{name}}' runs with Istio ({{why}}) and mounts the API token of ServiceAccount '{{sa}}': the chart's istio-proxy uses a projected istio-token, yet Solo's docs ask to keep the ServiceAccount token; check what the sidecar needs before disabling automount.",
            automountOff: 'Set automountServiceAccountToken: false once nothing in the proxy pod needs the Kubernetes API token.',
            unverified: "Proxy '{{name}}' mounts the token of ServiceAccount '{{sa}}', which is not among the checked files; set automountServiceAccountToken: false on the pod spec (or check the ServiceAccount)."
        }
    },
    *checkValues(v) {
        if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
            return;
        if (isTrue(values_getValue(v, proxy_token_automount_PATH)?.node))
            return;
        // With Istio integration the token may be wanted (catalog row: a notice, and the edit only a suggestion).
        const istio = valuesIstio(v);
        if (istio) {
            yield { messageId: 'istio', severity: 'notice', node: locate(v, proxy_token_automount_PATH), data: { key: keyPath(v, proxy_token_automount_PATH), why: istio }, ...safeIf(false, values_setValueFix(v, proxy_token_automount_PATH, 'true'), 'disableAutomount') };
            return;
        }
        const annotations = values_getValue(v, ['gateway', 'proxyServiceAccount', 'extraAnnotations']);
        const irsa = mapEntries(annotations?.node).some((p) => keyOf(p) === IRSA);
        // Safe unless the proxy may need the token (IRSA, custom sidecars) or a human wrote `false` (catalog fix class).
        const written = values_getValue(v, proxy_token_automount_PATH);
        const safe = !irsa && !written && !getGlobal(v, ['istioSDS', 'customSidecars']) && !values_getValue(v, ['gatewayProxies', 'gatewayProxy', 'extraContainersHelper']);
        yield {
            messageId: irsa ? 'irsa' : 'values',
            severity: irsa ? 'notice' : undefined,
            node: locate(v, proxy_token_automount_PATH),
            data: { key: keyPath(v, proxy_token_automount_PATH), annotation: IRSA },
            ...safeIf(safe, values_setValueFix(v, proxy_token_automount_PATH, 'true'), 'disableAutomount')
        };
    },
    *checkObject(obj, { project }) {
        if (obj.kind === 'ServiceAccount') {
            if (obj.name !== 'gateway-proxy')
                return;
            if (isFalse(getNode(obj.root, ['automountServiceAccountToken'])))
                return;
            const users = serviceAccountUsers(project, obj.name, obj.namespace);
            // Pod-level automountServiceAccountToken: false wins over the ServiceAccount's setting.
            if (users.count > 0 && users.count === users.podLevelOff)
                return;
            const irsa = IRSA in obj.annotations;
            const existing = getNode(obj.root, ['automountServiceAccountToken']);
            const node = existing ?? getNode(obj.root, ['metadata', 'name']) ?? obj.root;
            // As in the values (catalog row): with Istio integration the token may be wanted, so a notice and a suggestion.
            if (users.istio) {
                yield {
                    messageId: 'istioServiceAccount',
                    severity: 'notice',
                    node,
                    data: { name: obj.name, why: users.istio },
                    ...safeIf(false, setPath(obj.file.edit, obj.root, ['automountServiceAccountToken'], 'false'), 'automountOff')
                };
                return;
            }
            yield {
                messageId: 'serviceAccount',
                severity: irsa ? 'notice' : undefined,
                node,
                data: { name: obj.name },
                fix: setPath(obj.file.edit, obj.root, ['automountServiceAccountToken'], 'false')
            };
            return;
        }
        const proxy = renderedProxy(obj);
        if (!proxy || !proxy.podSpec)
            return;
        const podSetting = getNode(proxy.podSpec, ['automountServiceAccountToken']);
        if (isFalse(podSetting))
            return;
        const sa = proxyServiceAccount(proxy);
        if (project.serviceAccounts.has(sa))
            return; // the ServiceAccount decides, and is reported there
        const node = podSetting ?? getNode(proxy.podSpec, ['serviceAccountName']) ?? getNode(obj.root, ['metadata', 'name']) ?? obj.root;
        const istio = renderedIstio(proxy);
        if (istio) {
            yield {
                messageId: 'istioPod',
                severity: 'notice',
                node,
                data: { name: proxy.name, sa, why: istio },
                ...safeIf(false, setPath(obj.file.edit, proxy.podSpec, ['automountServiceAccountToken'], 'false'), 'automountOff')
            };
            return;
        }
        yield {
            messageId: 'unverified',
            severity: 'warning',
            node,
            data: { name: proxy.name, sa },
            fix: setPath(obj.file.edit, proxy.podSpec, ['automountServiceAccountToken'], 'false')
        };
    }
}));
/**
 * What the rendered proxies running as a ServiceAccount say about its token, indexed once per run by
 * name and namespace (a proxy without a namespace counts for every namespace, as does a ServiceAccount without one).
 */
function serviceAccountUsers(project, name, namespace) {
    const index = perProject(project, 'proxyTokenAutomount.users', (p) => {
        const m = new Map();
        for (const [sa, proxies] of p.proxiesByServiceAccount)
            for (const proxy of proxies)
                for (const ns of ['*', proxy.namespace ?? '?']) {
                    const k = `${sa}\u0000${ns}`;
                    const u = m.get(k) ?? { count: 0, podLevelOff: 0 };
                    u.count++;
                    if (proxy.podAutomountOff)
                        u.podLevelOff++;
                    // A proxy that turns the token off itself does not need the ServiceAccount's.
                    else if (proxy.istio && !u.istio)
                        u.istio = proxy.istio;
                    m.set(k, u);
                }
        return m;
    });
    const none = { count: 0, podLevelOff: 0 };
    if (!namespace)
        return index.get(`${name}\u0000*`) ?? none;
    const own = index.get(`${name}\u0000${namespace}`) ?? none;
    const unscoped = index.get(`${name}\u0000?`) ?? none;
    return { count: own.count + unscoped.count, podLevelOff: own.podLevelOff + unscoped.podLevelOff, istio: own.istio ?? unscoped.istio };
}

;// CONCATENATED MODULE: ./src/rules/proxy-workload-kind.ts





const DAEMON_SET = ['kind', 'daemonSet'];
const proxy_workload_kind_DEPLOYMENT = ['kind', 'deployment'];
const proxy_workload_kind_WORKLOAD_TYPE = ['kind', 'workloadType'];
const proxy_workload_kind_HOST_PORT = ['kind', 'daemonSet', 'hostPort'];
const proxy_workload_kind_HOST_NETWORK = ['kind', 'daemonSet', 'hostNetwork'];
/** First chart that reads `kind.daemonSet.hostNetwork` (catalog section 4.3). */
const proxy_workload_kind_HOST_NETWORK_SINCE = '1.8.0-beta13';
/** `kind.daemonSet` as the user means it: a map (even `{}`) or a truthy value, merged as the chart merges proxies. */
function daemonSetSet(found) {
    if (!found || found.deleted)
        return false;
    return deref(found.node)?.kind === 'map' || helmTruthy(found);
}
/** The chart still renders hostNetwork for `kind.daemonSet.hostPort` (1.22.1 T7:137-139), even on a Deployment. */
function rendersHostNetwork(v, proxy) {
    if (!helmTruthy(mergedProxyValue(v, proxy, proxy_workload_kind_HOST_PORT)))
        return false;
    return !(isAtLeast(v.chartVersion, proxy_workload_kind_HOST_NETWORK_SINCE) && isFalse(mergedProxyValue(v, proxy, proxy_workload_kind_HOST_NETWORK)?.node));
}
/**
 * `kind.deployment: null` where the map is written: the whole value becomes `null` (setPath never replaces a
 * collection). A block map loses its lines; a comment after its last value stays on the key's line.
 */
function replaceMapWithNull(found) {
    const map = found.node;
    if (map.kind !== 'map' || !found.pair || map.anchor || map.tag || found.layer.synthetic)
        return null;
    if (map.flow)
        return [{ range: [map.start, map.end], text: 'null' }];
    return [{ range: [found.pair.key.end, map.end], text: ': null' }];
}
/** The edits setting `kind.deployment: null` on the proxy, or null when none is safe or the chart ignores it. */
function nullDeployment(v, proxy) {
    // 1.7.0-beta21 \u2026 1.7.0 `merge` refills a custom null from gatewayProxy (1.7.0 T7:10).
    if (!proxy.isDefault && customMerge(v) === 'merge')
        return null;
    const path = values_proxyPath(proxy, proxy_workload_kind_DEPLOYMENT);
    const found = getValueOrNull(v, path);
    if (found?.layer.synthetic)
        return null; // `--set \u2026=null` is not a text replacement of a scalar: leave parameters alone.
    if (found && found.node.kind === 'map')
        return replaceMapWithNull(found);
    return values_setValueFix(v, path, 'null');
}
/** How the chart version reads in a message; unknown is the newest chart (catalog section 1.4). */
const chartOf = (v) => chartNamed(v.chartVersion, WORKLOAD_TYPE_SINCE);
/* harmony default export */ const proxy_workload_kind = (defineRule({
    meta: {
        id: 'proxy-workload-kind',
        category: 'reliability',
        severity: 'warning',
        kinds: ['values'],
        fixable: false,
        description: 'A gateway proxy must render the workload kind its values suggest (Deployment or DaemonSet).',
        remediation: `For a DaemonSet set gatewayProxies.<proxy>.kind.deployment: null (on custom proxies from chart ${CUSTOM_OVERWRITE_SINCE}) or, from chart ${WORKLOAD_TYPE_SINCE}, kind.workloadType: DaemonSet; for a Deployment remove kind.daemonSet and leave kind.deployment.replicas set.`,
        messages: {
            deployment: "{{daemonSet}} is set, but {{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a Deployment, not a DaemonSet, so it does not run one Envoy pod per node.",
            deploymentHostNetwork: "{{daemonSet}} is set, but {{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a Deployment, not a DaemonSet, and kind.daemonSet.hostPort still gives it hostNetwork: true, so two of its pods cannot share a node.",
            replicasNull: `{{because}}: {{chart}} renders gateway proxy '{{proxy}}' as a DaemonSet, one Envoy pod per node, not a Deployment; from chart ${KIND_IS_MAP_SINCE} the same values render a Deployment.`,
            nullDeployment: 'Set {{deploymentKey}}: null, so the chart renders a DaemonSet (check that one Envoy pod per node is meant).',
            workloadTypeDaemonSet: `Set {{workloadTypeKey}}: DaemonSet (read from chart ${WORKLOAD_TYPE_SINCE}; check that one Envoy pod per node is meant).`
        }
    },
    *checkValues(v) {
        const suggestedOnDefault = new Set();
        for (const proxy of renderedValuesProxies(v)) {
            const kind = workloadKind(v, proxy);
            const daemonSet = mergedProxyValue(v, proxy, DAEMON_SET);
            const surprise = kind.reason === 'deploymentMap' && daemonSetSet(daemonSet) ? (rendersHostNetwork(v, proxy) ? 'deploymentHostNetwork' : 'deployment') : kind.reason === 'replicasNull' ? 'replicasNull' : null;
            if (!surprise)
                continue;
            const deploymentKey = keyPath(v, values_proxyPath(proxy, proxy_workload_kind_DEPLOYMENT));
            const workloadTypeKey = keyPath(v, values_proxyPath(proxy, proxy_workload_kind_WORKLOAD_TYPE));
            const suggest = [];
            if (!coveredByDefault(v, proxy, proxy_workload_kind_DEPLOYMENT, suggestedOnDefault)) {
                const toNull = proxy.isDefault || version_hasSince(v.chartVersion, CUSTOM_OVERWRITE_SINCE) || customMerge(v) === 'alone' ? nullDeployment(v, proxy) : null;
                if (toNull?.length)
                    suggest.push({ messageId: 'nullDeployment', edits: toNull });
                const toType = isAtLeast(v.chartVersion, WORKLOAD_TYPE_SINCE) ? values_setValueFix(v, values_proxyPath(proxy, proxy_workload_kind_WORKLOAD_TYPE), 'DaemonSet') : null;
                if (toType?.length)
                    suggest.push({ messageId: 'workloadTypeDaemonSet', edits: toType });
            }
            if (proxy.isDefault && suggest.length)
                suggestedOnDefault.add(proxy_workload_kind_DEPLOYMENT.join('.'));
            // On the value that decided when the proxy writes it (\u00a71A), else where `kind.deployment: null` would go.
            const own = kind.found && !kind.found.inherited ? kind.found : null;
            const node = surprise === 'replicasNull' ? (own?.node ?? locate(v, values_proxyPath(proxy, [...proxy_workload_kind_DEPLOYMENT, 'replicas']))) : (own?.pair?.key ?? own?.node ?? locate(v, values_proxyPath(proxy, proxy_workload_kind_DEPLOYMENT)));
            const daemonSetKey = keyPath(v, values_proxyPath(proxy, DAEMON_SET));
            yield {
                messageId: surprise,
                node,
                data: {
                    daemonSet: daemonSet?.inherited ? `${daemonSetKey} (inherited from ${keyPath(v, ['gatewayProxies', 'gatewayProxy', ...DAEMON_SET])})` : daemonSetKey,
                    because: kind.because,
                    chart: chartOf(v),
                    proxy: proxy.name,
                    deploymentKey,
                    workloadTypeKey
                },
                suggest: suggest.length ? suggest : undefined,
                key: proxy.name
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/sidecar-security-context.ts
/** sidecar-security-context: the sds and istio-proxy sidecars of a gateway proxy must not escalate privileges or keep capabilities. */






/** The chart's sidecars: container name \u2192 the `global.glooMtls` key of its securityContext (1.22.1 T7:309, 371). */
const SIDECARS = [
    { name: 'sds', key: 'sds' },
    { name: 'istio-proxy', key: 'istioProxy' }
];
const ESCALATION = 'allowPrivilegeEscalation: false';
const DROP = 'capabilities.drop: [ALL]';
/** First chart that reads `global.glooMtls.enabled` (catalog 4.3). */
const MTLS_SINCE = '1.3.6';
const describeGaps = (g) => [g.escalation ? ESCALATION : '', g.drop ? DROP : ''].filter(Boolean).join(' and ');
/** The gaps of a securityContext as written (a rendered container, a custom sidecar). */
function writtenGaps(sc) {
    const drop = getNode(sc, ['capabilities', 'drop']);
    return {
        escalation: !isFalse(getNode(sc, ['allowPrivilegeEscalation'])),
        drop: !capabilityItems(drop).some((r) => r.name === 'ALL'),
        ...(drop?.kind === 'seq' ? { dropList: drop } : {})
    };
}
/** Edits adding what a container's securityContext lacks, in place (a drop list gets ALL appended). */
function containerEdits(src, container, g) {
    const out = [];
    const value = {};
    if (g.escalation)
        value.allowPrivilegeEscalation = 'false';
    if (g.drop && g.dropList?.kind === 'seq') {
        const e = appendSeqItem(src, g.dropList, 'ALL');
        if (!e)
            return null;
        out.push(...e);
    }
    else if (g.drop)
        value.capabilities = { drop: '[ALL]' };
    if (Object.keys(value).length) {
        const e = setPath(src, container, ['securityContext'], value);
        if (!e)
            return null;
        out.push(...e);
    }
    return out;
}
/** How a message names the proxies a sidecar runs in: `proxy 'gateway-proxy'`, `proxies 'a' and 'b'`. */
function proxiesText(names) {
    const quoted = names.map((n) => `'${n}'`);
    if (quoted.length === 1)
        return `proxy ${quoted[0]}`;
    return `proxies ${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
/** Why a chart sidecar renders: the switch that adds it, or null when it does not render. */
function sidecarSwitches(v) {
    const g = (...path) => getGlobal(v, path);
    const truthy = (f) => (helmTruthy(f) ? f : null);
    const mtls = isAtLeast(v.chartVersion, MTLS_SINCE) ? truthy(g('glooMtls', 'enabled')) : null;
    // istioIntegration.enabled adds both sidecars from 1.17.0 (1.17.0 T7:299); before it is inert (catalog 1.5).
    const istio = truthy(g('istioSDS', 'enabled')) ?? (isAtLeast(v.chartVersion, ISTIO_INTEGRATION_SIDECARS_SINCE) ? truthy(g('istioIntegration', 'enabled')) : null);
    const custom = istio ? truthy(g('istioSDS', 'customSidecars')) : null;
    return { sds: mtls ?? istio, istioProxy: custom ? null : istio, custom };
}
/* harmony default export */ const sidecar_security_context = (defineRule({
    meta: {
        id: 'sidecar-security-context',
        category: 'security',
        severity: 'warning',
        kinds: ['values', 'apps/v1/Deployment', 'apps/v1/DaemonSet'],
        fixable: false,
        description: "The gateway proxy's sds and istio-proxy sidecars must not escalate privileges or keep Linux capabilities.",
        remediation: 'Set allowPrivilegeEscalation: false and capabilities.drop: [ALL] in global.glooMtls.sds.securityContext and global.glooMtls.istioProxy.securityContext (chart 1.14.0-beta11 and later), or turn on global.podSecurityStandards.container.enableRestrictedContainerDefaults (1.16.14, 1.17.0-beta29 and later); write them into custom sidecars yourself.',
        messages: {
            sidecar: "{{key}} does not give the {{sidecar}} sidecar of {{proxies}} {{missing}}{{chart}}, and {{why}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
            noKnob: "Chart {{version}} renders the {{sidecar}} sidecar of {{proxies}} without a securityContext and reads no key for one (from 1.14.0-beta11): a process in it may escalate privileges or keep the container runtime's default capabilities.",
            customSidecar: "Custom sidecar '{{name}}' of {{proxies}} ({{key}}) runs without {{missing}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
            rendered: "The {{sidecar}} sidecar of proxy '{{proxy}}' runs without {{missing}}: a process in it may escalate privileges or keep the container runtime's default capabilities.",
            setContext: 'Set {{missing}} in {{key}} (check first that the sidecar needs no privilege).',
            pss: 'Set {{key}}: true (check first: it changes the securityContext of every Gloo container, and its runAsNonRoot: true needs images that run as a numeric non-root user).'
        }
    },
    *checkValues(v) {
        const proxies = renderedValuesProxies(v);
        if (!proxies.length)
            return;
        const root = globalValues(v);
        const names = proxiesText(proxies.map((p) => p.name));
        const switches = sidecarSwitches(v);
        // Before 1.14.0-beta11 nothing sets a sidecar's securityContext: only a notice (catalog row).
        const knobs = version_hasSince(v.chartVersion, SECURITY_CONTEXT_SINCE);
        const severity = knobs ? undefined : 'notice';
        const pss = restrictedDefaults(v);
        for (const sidecar of SIDECARS) {
            const on = switches[sidecar.key];
            if (!on)
                continue;
            if (!knobs) {
                yield { messageId: 'noKnob', severity, node: on.node, key: sidecar.name, data: { version: v.chartVersion?.raw, sidecar: sidecar.name, proxies: names } };
                continue;
            }
            const base = ['global', 'glooMtls', sidecar.key, 'securityContext'];
            const map = values_getValue(root, base);
            const set = helmTruthy(map) && map.node.kind === 'map';
            // The helper that merges (mergePolicy) and adds the PSS defaults renders the sidecars from 1.16.14/1.17.0-beta29;
            // before, the map is written as it is.
            const merge = set && asString(values_getValue(root, [...base, 'mergePolicy'])?.node) === 'helm-merge' && version_hasSince(v.chartVersion, PSS_SINCE);
            let gaps;
            if (!set)
                gaps = { escalation: !pss, drop: !pss };
            else {
                const escalation = values_getValue(root, [...base, 'allowPrivilegeEscalation']);
                const drop = values_getValue(root, [...base, 'capabilities', 'drop']);
                const items = capabilityItems(drop?.node);
                gaps = {
                    // helm-merge refills a missing or empty value from the PSS defaults; an explicit true stays.
                    escalation: !isFalse(escalation?.node) && !(merge && pss && !escalation),
                    drop: !items.some((r) => r.name === 'ALL') && !(merge && pss && items.length === 0),
                    ...(drop?.node.kind === 'seq' ? { dropList: drop.node } : {})
                };
            }
            if (!gaps.escalation && !gaps.drop)
                continue;
            const missing = describeGaps(gaps);
            const key = keyPath(root, base);
            const suggest = [];
            const value = {};
            const edits = [];
            if (gaps.escalation)
                value.allowPrivilegeEscalation = 'false';
            if (gaps.drop && gaps.dropList?.kind === 'seq') {
                const found = values_getValue(root, [...base, 'capabilities', 'drop']);
                const e = found.layer.synthetic ? null : appendSeqItem(found.layer.file.edit, gaps.dropList, 'ALL');
                if (e)
                    edits.push(...e);
            }
            else if (gaps.drop)
                value.capabilities = { drop: '[ALL]' };
            if (Object.keys(value).length)
                edits.push(...(values_setValueFix(root, base, value) ?? []));
            if (edits.length)
                suggest.push({ messageId: 'setContext', data: { missing, key }, edits });
            // The PSS defaults only reach a sidecar without a replacing map.
            if (!set && version_hasSince(v.chartVersion, PSS_SINCE)) {
                const path = ['global', ...PSS_SWITCH];
                const e = values_setValueFix(root, path, 'true');
                if (e?.length)
                    suggest.push({ messageId: 'pss', data: { key: keyPath(root, path) }, edits: e });
            }
            yield {
                messageId: 'sidecar',
                node: set ? (map.pair?.key ?? map.node) : locate(root, base),
                key: sidecar.name,
                // A warning rests on a chart that reads the key (1.14.0-beta11, catalog row); older ones get noKnob.
                data: { sidecar: sidecar.name, proxies: names, missing, key, chart: versionNote(v.chartVersion, SECURITY_CONTEXT_SINCE), why: set && pss && !merge ? 'it replaces the PSS restricted defaults' : 'the chart sets no default' },
                suggest: suggest.length ? suggest : undefined
            };
        }
        // Custom sidecars are rendered as written (toYaml), without defaults or PSS.
        if (switches.custom) {
            const list = switches.custom;
            const key = keyPath(root, ['global', 'istioSDS', 'customSidecars']);
            for (const [index, item] of seqItems(list.node).entries()) {
                if (item.kind !== 'map')
                    continue;
                const gaps = writtenGaps(getNode(item, ['securityContext']));
                if (!gaps.escalation && !gaps.drop)
                    continue;
                const missing = describeGaps(gaps);
                const edits = list.layer.synthetic ? null : containerEdits(list.layer.file.edit, item, gaps);
                const name = str(item, ['name']) ?? '?';
                yield {
                    messageId: 'customSidecar',
                    severity,
                    node: containerAnchor(item),
                    key: name,
                    data: { name, proxies: names, key, missing },
                    suggest: edits?.length ? [{ messageId: 'setContext', data: { missing, key: `${key}[${index}].securityContext` }, edits }] : undefined
                };
            }
        }
    },
    *checkObject(obj) {
        const p = renderedProxy(obj);
        if (!p)
            return;
        for (const c of p.containers) {
            const name = str(c, ['name']);
            if (c === p.container || !SIDECARS.some((s) => s.name === name))
                continue;
            const gaps = writtenGaps(getNode(c, ['securityContext']));
            if (!gaps.escalation && !gaps.drop)
                continue;
            const missing = describeGaps(gaps);
            const edits = containerEdits(obj.file.edit, c, gaps);
            yield {
                messageId: 'rendered',
                node: containerAnchor(c),
                key: name,
                data: { sidecar: name, proxy: proxyLabel(p), missing },
                suggest: edits?.length ? [{ messageId: 'setContext', data: { missing, key: `${jsonPathOf(c)}.securityContext` }, edits }] : undefined
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/suppression-unused.ts

/* harmony default export */ const suppression_unused = (defineRule({
    meta: {
        id: 'suppression-unused',
        category: 'hygiene',
        severity: 'notice',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'A gloo-harden-ignore comment or annotation matches no finding, or cannot be read.',
        remediation: 'Remove the stale suppression; write a malformed one as `# gloo-harden-ignore <rule-id>: <reason>` or `gloo-harden.io/ignore: "<rule-id>, <rule-id>"`.',
        messages: {
            unused: "This suppression of '{{rule}}' matches no finding; remove it.",
            unknownRule: "'{{rule}}' is not a gloo-harden rule id.",
            noReason: "This suppression of '{{rule}}' gives no reason; write one after a colon.",
            noRule: 'The suppression {{what}} names no rule id, so it suppresses nothing.',
            badDirective: "'{{word}}' is not a gloo-harden suppression, so it suppresses nothing; write {{expected}}.",
            badSeparator: "'{{separator}}' has no place in a suppression {{what}}, so it suppresses nothing; write {{expected}}.",
            spacedId: "'{{rule}}' is not a rule id (rule ids have no spaces), so the suppression suppresses nothing; separate rule ids with commas and write the reason after a colon.",
            didYouMean: "'{{rule}}' is not a rule id; did you mean {{suggestion}}?"
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/validation-allow-warnings.ts
/** The validation webhook should reject resources whose validation produced warnings, not only errors. */






const validation_allow_warnings_PATH = ['gateway', 'validation', 'allowWarnings'];
const validation_allow_warnings_CR_PATH = ['spec', 'gateway', 'validation', 'allowWarnings'];
/** The chart defaults allowWarnings to true from these versions (catalog 4.1). */
const DEFAULT_SINCE = '1.3.30/1.4.0-beta15';
/**
 * Whether the values leave this rule nothing to say (catalog "Control-plane safeguards"): no gateway (no webhook,
 * every version), validation or its webhook off (validation-disabled reports that), or no Settings rendered
 * (`settings.create: false`: the member Settings CR is checked on its own, and none is the engine's notice).
 */
function silenced(v) {
    if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
        return true;
    if (isFalse(values_getValue(v, ['gateway', 'validation', 'enabled'])?.node))
        return true;
    if (version_hasSince(v.chartVersion, '1.3.27/1.4.0-beta11') && isFalse(values_getValue(v, ['gateway', 'validation', 'webhook', 'enabled'])?.node))
        return true;
    return isFalse(values_getValue(v, ['settings', 'create'])?.node);
}
/** How an absent key reads: the chart default, and the version that default is assumed for. */
function absentState(v) {
    if (!v.chartVersion)
        return `not set (the chart default is true; assuming chart \u2265 ${DEFAULT_SINCE}; the chart version is unknown)`;
    if (version_hasSince(v.chartVersion, DEFAULT_SINCE))
        return `not set (the default of chart ${v.chartVersion.raw} is true)`;
    return `not set (chart ${v.chartVersion.raw} predates the default of ${DEFAULT_SINCE} and renders none, so Gloo's own applies)`;
}
/* harmony default export */ const validation_allow_warnings = (defineRule({
    meta: {
        id: 'validation-allow-warnings',
        category: 'control-plane',
        severity: 'notice',
        kinds: ['values', 'gloo.solo.io/v1/Settings'],
        fixable: false,
        // A Settings resource of an install whose values turn the gateway off configures no webhook (catalog
        // "Control-plane safeguards": no finding with gateway.enabled: false).
        readsValuesFacts: true,
        description: 'The validation webhook should reject resources that validate with warnings.',
        remediation: 'Set gateway.validation.allowWarnings: false (Settings: spec.gateway.validation.allowWarnings: false).',
        messages: {
            values: '{{key}} is {{state}}: resources that validate with warnings (such as a route to a missing Upstream or TLS secret) are accepted.',
            settings: "Settings '{{name}}' accepts resources that validate with warnings: spec.gateway.validation.allowWarnings is not false.",
            reject: 'Set {{key}}: false (check first that resources are applied in order: a VirtualService whose TLS secret is not there yet is then rejected).'
        }
    },
    *checkValues(v) {
        if (silenced(v))
            return;
        const found = values_getValue(v, validation_allow_warnings_PATH);
        if (isFalse(found?.node))
            return;
        const data = { key: keyPath(v, validation_allow_warnings_PATH), state: isUnset(found?.node) ? absentState(v) : 'not false' };
        const edits = values_setValueFix(v, validation_allow_warnings_PATH, 'false');
        // Suggest only (catalog: it can reject resources applied before what they reference).
        yield { messageId: 'values', node: locate(v, validation_allow_warnings_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined };
    },
    *checkObject(obj, { project }) {
        if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/') || project.gatewayDisabled)
            return;
        // No spec.gateway.validation means validation is off for this Settings; inserting allowWarnings alone
        // would silently turn validation on with default addresses, which is not a minimal change.
        if (!getNode(obj.root, ['spec', 'gateway', 'validation']))
            return;
        if (isFalse(getNode(obj.root, validation_allow_warnings_CR_PATH)))
            return;
        const edits = setPath(obj.file.edit, obj.root, validation_allow_warnings_CR_PATH, 'false');
        const data = { name: obj.name, key: validation_allow_warnings_CR_PATH.join('.') };
        yield { messageId: 'settings', node: locatePath(obj.root, validation_allow_warnings_CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined };
    }
}));

;// CONCATENATED MODULE: ./src/rules/validation-always-accept.ts
/** The validation webhook must reject resources that fail validation, not only log them. */






const validation_always_accept_PATH = ['gateway', 'validation', 'alwaysAcceptResources'];
const validation_always_accept_CR_PATH = ['spec', 'gateway', 'validation', 'alwaysAccept'];
/**
 * Whether the values leave this rule nothing to say (catalog "Control-plane safeguards"): no gateway (no webhook,
 * every version), validation or its webhook off (validation-disabled reports that), or no Settings rendered
 * (`settings.create: false`: the member Settings CR is checked on its own, and none is the engine's notice).
 */
function validation_always_accept_silenced(v) {
    if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
        return true;
    if (isFalse(values_getValue(v, ['gateway', 'validation', 'enabled'])?.node))
        return true;
    if (version_hasSince(v.chartVersion, '1.3.27/1.4.0-beta11') && isFalse(values_getValue(v, ['gateway', 'validation', 'webhook', 'enabled'])?.node))
        return true;
    return isFalse(values_getValue(v, ['settings', 'create'])?.node);
}
/* harmony default export */ const validation_always_accept = (defineRule({
    meta: {
        id: 'validation-always-accept',
        category: 'control-plane',
        severity: 'warning',
        kinds: ['values', 'gloo.solo.io/v1/Settings'],
        fixable: true,
        // A Settings resource of an install whose values turn the gateway off configures no webhook (catalog
        // "Control-plane safeguards": no finding with gateway.enabled: false).
        readsValuesFacts: true,
        description: 'The validation webhook must reject resources that fail validation.',
        remediation: 'Set gateway.validation.alwaysAcceptResources: false (Settings: spec.gateway.validation.alwaysAccept: false).',
        messages: {
            values: '{{key}} is {{state}}: the validation webhook accepts invalid resources.',
            settings: "Settings '{{name}}' accepts invalid resources: spec.gateway.validation.alwaysAccept is {{state}}.",
            reject: 'Set {{key}}: false (check first why it was set to true: invalid resources are then rejected on apply).'
        }
    },
    *checkValues(v) {
        if (validation_always_accept_silenced(v))
            return;
        const found = values_getValue(v, validation_always_accept_PATH);
        if (isFalse(found?.node))
            return;
        const data = { key: keyPath(v, validation_always_accept_PATH), state: isUnset(found?.node) ? 'not set (the chart default is true)' : 'not false' };
        const edits = values_setValueFix(v, validation_always_accept_PATH, 'false');
        // Safe only when nothing a human wrote is reversed (catalog section 2); the key is read since 1.3.0.
        if (isUnset(found?.node))
            yield { messageId: 'values', node: locate(v, validation_always_accept_PATH), data, fix: edits };
        else
            yield { messageId: 'values', node: locate(v, validation_always_accept_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined };
    },
    *checkObject(obj, { project }) {
        if (obj.kind !== 'Settings' || !obj.apiVersion.startsWith('gloo.solo.io/') || project.gatewayDisabled)
            return;
        const node = getNode(obj.root, validation_always_accept_CR_PATH);
        if (isFalse(node))
            return;
        const edits = setPath(obj.file.edit, obj.root, validation_always_accept_CR_PATH, 'false');
        const data = { name: obj.name, key: validation_always_accept_CR_PATH.join('.'), state: isUnset(node) ? 'not set' : 'not false' };
        // Without a spec.gateway.validation block the Settings configures no validation at all: creating the block is
        // more than flipping one value (allowWarnings and the rest then take their defaults), so it needs a human.
        const configured = getNode(obj.root, validation_always_accept_CR_PATH.slice(0, -1)) !== null;
        if (isUnset(node) && configured)
            yield { messageId: 'settings', node: locatePath(obj.root, validation_always_accept_CR_PATH), data, fix: edits };
        else if (isUnset(node))
            yield { messageId: 'settings', node: locatePath(obj.root, validation_always_accept_CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined };
        else
            yield { messageId: 'settings', node: locatePath(obj.root, validation_always_accept_CR_PATH), data, suggest: edits?.length ? [{ messageId: 'reject', data, edits }] : undefined };
    }
}));

;// CONCATENATED MODULE: ./src/rules/validation-disabled.ts
/** Gloo's validation (and its admission webhook) must stay on, so invalid resources never reach the proxies. */




const VALIDATION = ['gateway', 'validation', 'enabled'];
const WEBHOOK = ['gateway', 'validation', 'webhook', 'enabled'];
/** First chart of each release line that reads `gateway.validation.webhook.enabled` (catalog 4.3). */
const WEBHOOK_SINCE = '1.3.27/1.4.0-beta11';
/* harmony default export */ const validation_disabled = (defineRule({
    meta: {
        id: 'validation-disabled',
        category: 'control-plane',
        severity: 'warning',
        kinds: ['values'],
        fixable: false,
        description: 'Gateway resource validation and its admission webhook must stay enabled.',
        remediation: 'Set gateway.validation.enabled: true and gateway.validation.webhook.enabled: true (or remove the false values: true is the chart default).',
        messages: {
            validation: '{{key}} is false: Gloo resources are no longer validated, and a broken VirtualService is only noticed when its routes stop working.',
            webhook: '{{key}} is false{{chart}}: no admission webhook rejects invalid Gloo resources, so kubectl apply succeeds with configuration the proxies cannot use.',
            enable: 'Set {{key}}: true (or remove it: true is the chart default); check first why it was turned off.'
        }
    },
    *checkValues(v) {
        // Without the gateway controller nothing is validated or rendered, whatever these keys say (1.22.1 T5:2).
        if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
            return;
        for (const [messageId, path] of [['validation', VALIDATION], ['webhook', WEBHOOK]]) {
            // Charts before 1.3.27/1.4.0-beta11 do not read webhook.enabled: the webhook renders anyway.
            if (messageId === 'webhook' && !version_hasSince(v.chartVersion, WEBHOOK_SINCE))
                continue;
            const found = values_getValue(v, path);
            if (!found || !isFalse(found.node))
                continue;
            // The webhook key is read from 1.3.27/1.4.0-beta11 (catalog 4.3); validation.enabled by every chart.
            const data = { key: keyPath(v, path), chart: messageId === 'webhook' ? versionNote(v.chartVersion, WEBHOOK_SINCE) : '' };
            // Suggest only (catalog section 2): turning validation back on may start rejecting resources a human applies.
            const edits = values_setValueFix(v, path, 'true');
            yield { messageId, node: found.node, data, suggest: edits?.length ? [{ messageId: 'enable', data, edits }] : undefined };
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/validation-failure-policy.ts
/** The Gloo validation webhook should fail closed: while it cannot answer, Gloo resources are not admitted. */





const validation_failure_policy_PATH = ['gateway', 'validation', 'failurePolicy'];
const VWC_PREFIX = 'gloo-gateway-validation-webhook-';
// `gloo.<ns>.svc` from 1.12.0-beta8, `gateway.<ns>.svc` before; `kube.<ns>.svc` (core resources,
// kubeCoreFailurePolicy) is deliberately not matched: failing closed there blocks deleting Secrets and namespaces.
const GLOO_WEBHOOK = /^(gloo|gateway)\.[^.]+\.svc$/;
/** The webhook is `admissionregistration.k8s.io/v1` (API default `Fail`) from here, v1beta1 (`Ignore`) before. */
const V1_SINCE = '1.9.0-beta19';
/* harmony default export */ const validation_failure_policy = (defineRule({
    meta: {
        id: 'validation-failure-policy',
        category: 'control-plane',
        severity: 'notice',
        kinds: ['values', 'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration'],
        fixable: false,
        description: 'The Gloo validation webhook should reject Gloo resources while validation is unavailable.',
        remediation: 'Set gateway.validation.failurePolicy: Fail (rendered: failurePolicy: Fail on the gloo webhook); leave kubeCoreFailurePolicy alone.',
        messages: {
            values: '{{key}} is {{policy}}: while the gloo validation service is down or unreachable, any Gloo resource is admitted unvalidated.',
            rendered: "Webhook '{{webhook}}' of ValidatingWebhookConfiguration '{{name}}' has failurePolicy {{policy}}: while the gloo validation service is down, any Gloo resource is admitted unvalidated.",
            failClosed: 'Set failurePolicy: Fail on the gloo webhook only (check first that gloo runs more than one replica: while it is down, no Gloo resource can be applied).'
        }
    },
    *checkValues(v) {
        // The chart renders the webhook only when all three are on (T5:2); webhook.enabled exists from 1.3.27/1.4.0-beta11.
        if (isFalse(values_getValue(v, ['gateway', 'enabled'])?.node))
            return;
        if (isFalse(values_getValue(v, ['gateway', 'validation', 'enabled'])?.node))
            return;
        if (version_hasSince(v.chartVersion, '1.3.27/1.4.0-beta11') && isFalse(values_getValue(v, ['gateway', 'validation', 'webhook', 'enabled'])?.node))
            return;
        const found = getValueOrNull(v, validation_failure_policy_PATH);
        let policy;
        if (!found)
            policy = 'not set (the chart default is Ignore)';
        else if (helmTruthy(found)) {
            if (isScalar(found.node) && found.node.value === 'Fail')
                return;
            policy = isScalar(found.node) ? found.node.value : 'not Fail';
        }
        else {
            // A falsy value renders no failurePolicy (T5:70): the API default decides, Fail for v1 webhooks.
            if (!isBefore(v.chartVersion, V1_SINCE))
                return;
            const what = found.deleted ? 'null' : isScalar(found.node) && found.node.value === '' ? 'empty' : 'falsy';
            policy = `${what}, so chart ${v.chartVersion.raw} renders no failurePolicy and its admissionregistration.k8s.io/v1beta1 webhook defaults to Ignore`;
        }
        const edits = values_setValueFix(v, validation_failure_policy_PATH, 'Fail');
        yield {
            messageId: 'values',
            node: locate(v, validation_failure_policy_PATH),
            data: { key: keyPath(v, validation_failure_policy_PATH), policy },
            // Suggest only (catalog): failing closed blocks every Gloo resource while gloo is down.
            suggest: edits?.length ? [{ messageId: 'failClosed', edits }] : undefined
        };
    },
    *checkObject(obj) {
        if (obj.kind !== 'ValidatingWebhookConfiguration' || !obj.apiVersion.startsWith('admissionregistration.k8s.io/'))
            return;
        if (!obj.name.startsWith(VWC_PREFIX))
            return;
        for (const hook of seqItems(getNode(obj.root, ['webhooks']))) {
            const webhook = str(hook, ['name']) ?? '';
            if (!isMap(hook) || !GLOO_WEBHOOK.test(webhook))
                continue;
            const node = getNode(hook, ['failurePolicy']);
            if (isScalar(node) && node.value === 'Fail')
                continue;
            // The API server defaults an absent failurePolicy to Fail in v1 and to Ignore in v1beta1.
            if (!node && !obj.apiVersion.endsWith('/v1beta1'))
                continue;
            const policy = isScalar(node) ? node.value : 'Ignore (the v1beta1 default)';
            const edits = isScalar(node) ? [replaceScalar(node, 'Fail')] : insertInto(obj.file.edit, hook, [['failurePolicy', 'Fail']]);
            yield {
                messageId: 'rendered',
                node: node ?? getNode(hook, ['name']),
                data: { webhook, name: obj.name, policy },
                key: webhook,
                suggest: edits?.length ? [{ messageId: 'failClosed', edits }] : undefined
            };
        }
    }
}));

;// CONCATENATED MODULE: ./src/gloo/chart-schema.generated.ts
// Generated by scripts/chart-schema.ts from chart-data/gloo/<version>.json (1.6.38 \u2026 1.22.1; see
// chart-data/README.md): do not edit by hand. Regenerate with `npm run schema` (data from ../shared/chart-data/gloo,
// or --data DIR / $GLOO_CHART_DATA); CI runs `npm run schema:check`. Read it through src/gloo/chart.ts.
/**
 * The covered chart versions (newest patch of each minor), oldest first: [version, solo-io/gloo commit of its tag,
 * 1 when custom gatewayProxies.<name> entries inherit gatewayProxies.gatewayProxy]. An index into this list is
 * what the tables below call a version.
 */
const chart_schema_generated_CHART_VERSIONS = [
    ["1.6.38", "9684ba0969e720ec8eeb740c5dbea368c0a6f7ba", 0],
    ["1.7.23", "aa1b6b37ee070244148a6f32cac1b8d7ae9f44a1", 1],
    ["1.8.37", "78a76b165014b0aedcd27503639612bdddbf9924", 1],
    ["1.9.30", "1d28beae63b92fa9d7e1f94c798045b7034f8e57", 1],
    ["1.10.47", "7f68575d8a6ae45b67b102dd8cd630c532c50bc0", 1],
    ["1.11.59", "237b7ee8e50788f827e347c992a7ad8d4fb4de64", 1],
    ["1.12.59", "d71bde8f0df91a7692bb7103a59d8998aabc97a6", 1],
    ["1.13.39", "feb451a39914899d6a699b113a0a0aebfc6cd30b", 1],
    ["1.14.32", "e22bec5d5e63eaaf1a575ad3ba93e8f36c8d3543", 1],
    ["1.15.36", "c73e829c650d8f319a1aadb264e5a514595bc379", 1],
    ["1.16.27", "46562e8e1b579093a736d136ad8fa0d5a7f29cf0", 1],
    ["1.17.38", "24194cbb6adffdda7b1fd6b280b391b221a2a7a6", 1],
    ["1.18.41", "c2e2f69d176885340883e1a297959b767c27a05d", 1],
    ["1.19.20", "bf5d557c6cf742932d7efad03a82a09ae44bb3fd", 1],
    ["1.20.22", "97d4988054d2f60ae61bd30205ff2f115b6fb6ad", 1],
    ["1.21.13", "39a330a4a5287ff9189d8894cd76e336570f3184", 1],
    ["1.22.1", "f942554af973a1e0f7a91fb2238b8e16491437af", 1],
];
/**
 * Every values key of any covered version \u2192 [from, type, from, type, \u2026]: from version index `from` on the key has
 * that type, written `type` or `type<items>`; '' means the key is absent from there. `P.*` is an entry of a map
 * of objects, `P[]` an element of a list of objects. The predefined proxy is typed under gatewayProxies.*.
 */
const CHART_KEYS = {
    "accessLogger": [0, "object"],
    "accessLogger.accessLoggerContainerSecurityContext": [10, "k8s:SecurityContext"],
    "accessLogger.accessLoggerContainerSecurityContext.mergePolicy": [10, "string"],
    "accessLogger.affinity": [2, "list<any>", 4, "any"],
    "accessLogger.customEnv": [0, "list<k8s:EnvVar>"],
    "accessLogger.deployment": [4, "object"],
    "accessLogger.deployment.kubeResourceOverride": [4, "any"],
    "accessLogger.enabled": [0, "bool"],
    "accessLogger.extraAccessLoggerAnnotations": [4, "map<string>"],
    "accessLogger.extraAccessLoggerLabels": [0, "map<string>"],
    "accessLogger.fsGroup": [0, "float"],
    "accessLogger.hostAliases": [2, "list<any>"],
    "accessLogger.image": [0, "object"],
    "accessLogger.image.digest": [5, "string"],
    "accessLogger.image.disableDigest": [13, "bool"],
    "accessLogger.image.distrolessDigest": [11, "string"],
    "accessLogger.image.extended": [0, "bool", 11, ""],
    "accessLogger.image.fips": [3, "bool"],
    "accessLogger.image.fipsDigest": [5, "string"],
    "accessLogger.image.fipsDistrolessDigest": [11, "string"],
    "accessLogger.image.pullPolicy": [0, "string"],
    "accessLogger.image.pullSecret": [0, "string"],
    "accessLogger.image.registry": [0, "string"],
    "accessLogger.image.repository": [0, "string"],
    "accessLogger.image.tag": [0, "string"],
    "accessLogger.image.variant": [11, "string"],
    "accessLogger.initContainers": [5, "list<any>"],
    "accessLogger.kubeResourceOverride": [2, "any"],
    "accessLogger.nodeName": [2, "string"],
    "accessLogger.nodeSelector": [2, "map<string>"],
    "accessLogger.port": [0, "int"],
    "accessLogger.priorityClassName": [7, "string"],
    "accessLogger.replicas": [0, "int"],
    "accessLogger.resources": [0, "object"],
    "accessLogger.resources.limits": [0, "object"],
    "accessLogger.resources.limits.cpu": [0, "string"],
    "accessLogger.resources.limits.memory": [0, "string"],
    "accessLogger.resources.requests": [0, "object"],
    "accessLogger.resources.requests.cpu": [0, "string"],
    "accessLogger.resources.requests.memory": [0, "string"],
    "accessLogger.restartPolicy": [2, "string"],
    "accessLogger.runAsUser": [0, "float"],
    "accessLogger.service": [2, "object"],
    "accessLogger.service.kubeResourceOverride": [2, "any"],
    "accessLogger.serviceName": [0, "string"],
    "accessLogger.stats": [0, "object"],
    "accessLogger.stats.enableStatsRoute": [4, "bool"],
    "accessLogger.stats.enabled": [0, "bool"],
    "accessLogger.stats.podMonitorEnabled": [4, "bool"],
    "accessLogger.stats.routePrefixRewrite": [0, "string"],
    "accessLogger.stats.serviceMonitorEnabled": [4, "bool"],
    "accessLogger.stats.setDatadogAnnotations": [4, "bool"],
    "accessLogger.stats.statsPrefixRewrite": [4, "string"],
    "accessLogger.tolerations": [2, "list<k8s:Toleration>"],
    "crds": [0, "object", 2, ""],
    "crds.create": [0, "bool", 2, ""],
    "discovery": [0, "object"],
    "discovery.deployment": [0, "object"],
    "discovery.deployment.affinity": [2, "list<any>", 4, "any"],
    "discovery.deployment.customEnv": [0, "list<k8s:EnvVar>"],
    "discovery.deployment.discoveryContainerSecurityContext": [10, "k8s:SecurityContext"],
    "discovery.deployment.discoveryContainerSecurityContext.mergePolicy": [10, "string"],
    "discovery.deployment.enablePodSecurityContext": [2, "bool"],
    "discovery.deployment.extraDiscoveryAnnotations": [4, "map<string>"],
    "discovery.deployment.extraDiscoveryLabels": [0, "map<string>"],
    "discovery.deployment.floatingUserId": [0, "bool"],
    "discovery.deployment.fsGroup": [0, "float"],
    "discovery.deployment.goMemLimitPercent": [14, "int"],
    "discovery.deployment.hostAliases": [2, "list<any>"],
    "discovery.deployment.image": [0, "object"],
    "discovery.deployment.image.digest": [5, "string"],
    "discovery.deployment.image.disableDigest": [13, "bool"],
    "discovery.deployment.image.distrolessDigest": [11, "string"],
    "discovery.deployment.image.extended": [0, "bool", 11, ""],
    "discovery.deployment.image.fips": [3, "bool"],
    "discovery.deployment.image.fipsDigest": [5, "string"],
    "discovery.deployment.image.fipsDistrolessDigest": [11, "string"],
    "discovery.deployment.image.pullPolicy": [0, "string"],
    "discovery.deployment.image.pullSecret": [0, "string"],
    "discovery.deployment.image.registry": [0, "string"],
    "discovery.deployment.image.repository": [0, "string"],
    "discovery.deployment.image.tag": [0, "string"],
    "discovery.deployment.image.variant": [11, "string"],
    "discovery.deployment.initContainers": [5, "list<any>"],
    "discovery.deployment.kubeResourceOverride": [2, "any"],
    "discovery.deployment.nodeName": [2, "string"],
    "discovery.deployment.nodeSelector": [2, "map<string>"],
    "discovery.deployment.priorityClassName": [7, "string"],
    "discovery.deployment.replicas": [0, "int"],
    "discovery.deployment.resources": [0, "object"],
    "discovery.deployment.resources.limits": [0, "object"],
    "discovery.deployment.resources.limits.cpu": [0, "string"],
    "discovery.deployment.resources.limits.memory": [0, "string"],
    "discovery.deployment.resources.requests": [0, "object"],
    "discovery.deployment.resources.requests.cpu": [0, "string"],
    "discovery.deployment.resources.requests.memory": [0, "string"],
    "discovery.deployment.restartPolicy": [2, "string"],
    "discovery.deployment.runAsUser": [0, "float"],
    "discovery.deployment.stats": [0, "object"],
    "discovery.deployment.stats.enableStatsRoute": [4, "bool"],
    "discovery.deployment.stats.enabled": [0, "bool"],
    "discovery.deployment.stats.podMonitorEnabled": [4, "bool"],
    "discovery.deployment.stats.routePrefixRewrite": [0, "string"],
    "discovery.deployment.stats.serviceMonitorEnabled": [4, "bool"],
    "discovery.deployment.stats.setDatadogAnnotations": [4, "bool"],
    "discovery.deployment.stats.statsPrefixRewrite": [4, "string"],
    "discovery.deployment.tolerations": [2, "list<k8s:Toleration>"],
    "discovery.enabled": [0, "bool"],
    "discovery.fdsMode": [0, "string"],
    "discovery.fdsOptions": [5, "object"],
    "discovery.fdsOptions.graphqlEnabled": [5, "bool", 14, ""],
    "discovery.logLevel": [1, "string"],
    "discovery.serviceAccount": [0, "object"],
    "discovery.serviceAccount.disableAutomount": [0, "bool"],
    "discovery.serviceAccount.extraAnnotations": [0, "map<string>"],
    "discovery.serviceAccount.kubeResourceOverride": [2, "any"],
    "discovery.udsOptions": [3, "object"],
    "discovery.udsOptions.enabled": [3, "bool"],
    "discovery.udsOptions.watchLabels": [4, "map<string>"],
    "gateway": [0, "object"],
    "gateway.GatewayService": [2, "object", 4, ""],
    "gateway.GatewayService.kubeResourceOverride": [2, "any", 4, ""],
    "gateway.Service": [4, "object"],
    "gateway.Service.kubeResourceOverride": [4, "any"],
    "gateway.certGenJob": [0, "object"],
    "gateway.certGenJob.activeDeadlineSeconds": [5, "int"],
    "gateway.certGenJob.affinity": [2, "list<any>", 4, "any"],
    "gateway.certGenJob.backoffLimit": [6, "int"],
    "gateway.certGenJob.completions": [6, "int"],
    "gateway.certGenJob.containerSecurityContext": [10, "k8s:SecurityContext"],
    "gateway.certGenJob.containerSecurityContext.mergePolicy": [10, "string"],
    "gateway.certGenJob.cron": [4, "object"],
    "gateway.certGenJob.cron.enabled": [4, "bool"],
    "gateway.certGenJob.cron.mtlsKubeResourceOverride": [4, "any"],
    "gateway.certGenJob.cron.schedule": [4, "string"],
    "gateway.certGenJob.cron.validationWebhookKubeResourceOverride": [8, "any"],
    "gateway.certGenJob.enabled": [0, "bool"],
    "gateway.certGenJob.extraPodAnnotations": [7, "map<string>"],
    "gateway.certGenJob.extraPodLabels": [7, "map<string>"],
    "gateway.certGenJob.floatingUserId": [0, "bool"],
    "gateway.certGenJob.forceRotation": [8, "bool"],
    "gateway.certGenJob.hostAliases": [2, "list<any>"],
    "gateway.certGenJob.image": [0, "object"],
    "gateway.certGenJob.image.digest": [5, "string"],
    "gateway.certGenJob.image.disableDigest": [13, "bool"],
    "gateway.certGenJob.image.distrolessDigest": [11, "string"],
    "gateway.certGenJob.image.extended": [0, "bool", 11, ""],
    "gateway.certGenJob.image.fips": [3, "bool"],
    "gateway.certGenJob.image.fipsDigest": [5, "string"],
    "gateway.certGenJob.image.fipsDistrolessDigest": [11, "string"],
    "gateway.certGenJob.image.pullPolicy": [0, "string"],
    "gateway.certGenJob.image.pullSecret": [0, "string"],
    "gateway.certGenJob.image.registry": [0, "string"],
    "gateway.certGenJob.image.repository": [0, "string"],
    "gateway.certGenJob.image.tag": [0, "string"],
    "gateway.certGenJob.image.variant": [11, "string"],
    "gateway.certGenJob.initContainers": [5, "list<any>"],
    "gateway.certGenJob.kubeResourceOverride": [2, "any"],
    "gateway.certGenJob.manualSelector": [6, "bool"],
    "gateway.certGenJob.mtlsKubeResourceOverride": [2, "any"],
    "gateway.certGenJob.nodeName": [2, "string"],
    "gateway.certGenJob.nodeSelector": [2, "map<string>"],
    "gateway.certGenJob.parallelism": [6, "int"],
    "gateway.certGenJob.priorityClassName": [7, "string"],
    "gateway.certGenJob.resources": [2, "object"],
    "gateway.certGenJob.resources.limits": [2, "object"],
    "gateway.certGenJob.resources.limits.cpu": [2, "string"],
    "gateway.certGenJob.resources.limits.memory": [2, "string"],
    "gateway.certGenJob.resources.requests": [2, "object"],
    "gateway.certGenJob.resources.requests.cpu": [2, "string"],
    "gateway.certGenJob.resources.requests.memory": [2, "string"],
    "gateway.certGenJob.restartPolicy": [0, "string"],
    "gateway.certGenJob.rotationDuration": [9, "string"],
    "gateway.certGenJob.runAsUser": [0, "float"],
    "gateway.certGenJob.runOnUpdate": [4, "bool"],
    "gateway.certGenJob.setTtlAfterFinished": [0, "bool"],
    "gateway.certGenJob.tolerations": [2, "list<k8s:Toleration>"],
    "gateway.certGenJob.ttlSecondsAfterFinished": [0, "int"],
    "gateway.cleanupJob": [5, "object"],
    "gateway.cleanupJob.activeDeadlineSeconds": [5, "int"],
    "gateway.cleanupJob.affinity": [5, "any"],
    "gateway.cleanupJob.backoffLimit": [6, "int"],
    "gateway.cleanupJob.completions": [6, "int"],
    "gateway.cleanupJob.containerSecurityContext": [10, "k8s:SecurityContext"],
    "gateway.cleanupJob.containerSecurityContext.mergePolicy": [10, "string"],
    "gateway.cleanupJob.enabled": [5, "bool"],
    "gateway.cleanupJob.extraPodAnnotations": [7, "map<string>"],
    "gateway.cleanupJob.extraPodLabels": [7, "map<string>"],
    "gateway.cleanupJob.floatingUserId": [5, "bool"],
    "gateway.cleanupJob.hostAliases": [5, "list<any>"],
    "gateway.cleanupJob.image": [5, "object"],
    "gateway.cleanupJob.image.digest": [5, "string"],
    "gateway.cleanupJob.image.disableDigest": [13, "bool"],
    "gateway.cleanupJob.image.distrolessDigest": [11, "string"],
    "gateway.cleanupJob.image.extended": [5, "bool", 11, ""],
    "gateway.cleanupJob.image.fips": [5, "bool"],
    "gateway.cleanupJob.image.fipsDigest": [5, "string"],
    "gateway.cleanupJob.image.fipsDistrolessDigest": [11, "string"],
    "gateway.cleanupJob.image.pullPolicy": [5, "string"],
    "gateway.cleanupJob.image.pullSecret": [5, "string"],
    "gateway.cleanupJob.image.registry": [5, "string"],
    "gateway.cleanupJob.image.repository": [5, "string"],
    "gateway.cleanupJob.image.tag": [5, "string"],
    "gateway.cleanupJob.image.variant": [11, "string"],
    "gateway.cleanupJob.initContainers": [5, "list<any>"],
    "gateway.cleanupJob.manualSelector": [6, "bool"],
    "gateway.cleanupJob.nodeName": [5, "string"],
    "gateway.cleanupJob.nodeSelector": [5, "map<string>"],
    "gateway.cleanupJob.parallelism": [6, "int"],
    "gateway.cleanupJob.priorityClassName": [7, "string"],
    "gateway.cleanupJob.resources": [5, "object"],
    "gateway.cleanupJob.resources.limits": [5, "object"],
    "gateway.cleanupJob.resources.limits.cpu": [5, "string"],
    "gateway.cleanupJob.resources.limits.memory": [5, "string"],
    "gateway.cleanupJob.resources.requests": [5, "object"],
    "gateway.cleanupJob.resources.requests.cpu": [5, "string"],
    "gateway.cleanupJob.resources.requests.memory": [5, "string"],
    "gateway.cleanupJob.restartPolicy": [5, "string"],
    "gateway.cleanupJob.runAsUser": [5, "float"],
    "gateway.cleanupJob.tolerations": [5, "list<k8s:Toleration>"],
    "gateway.cleanupJob.ttlSecondsAfterFinished": [5, "int"],
    "gateway.compressedProxySpec": [2, "bool"],
    "gateway.deployment": [0, "object", 6, ""],
    "gateway.deployment.affinity": [2, "list<any>", 4, "any", 6, ""],
    "gateway.deployment.customEnv": [0, "list<k8s:EnvVar>", 6, ""],
    "gateway.deployment.extraGatewayAnnotations": [4, "map<string>", 6, ""],
    "gateway.deployment.extraGatewayLabels": [0, "map<string>", 6, ""],
    "gateway.deployment.floatingUserId": [0, "bool", 6, ""],
    "gateway.deployment.hostAliases": [2, "list<any>", 6, ""],
    "gateway.deployment.image": [0, "object", 6, ""],
    "gateway.deployment.image.digest": [5, "string", 6, ""],
    "gateway.deployment.image.extended": [0, "bool", 6, ""],
    "gateway.deployment.image.fips": [3, "bool", 6, ""],
    "gateway.deployment.image.fipsDigest": [5, "string", 6, ""],
    "gateway.deployment.image.pullPolicy": [0, "string", 6, ""],
    "gateway.deployment.image.pullSecret": [0, "string", 6, ""],
    "gateway.deployment.image.registry": [0, "string", 6, ""],
    "gateway.deployment.image.repository": [0, "string", 6, ""],
    "gateway.deployment.image.tag": [0, "string", 6, ""],
    "gateway.deployment.initContainers": [5, "list<any>", 6, ""],
    "gateway.deployment.kubeResourceOverride": [2, "any", 6, ""],
    "gateway.deployment.nodeName": [2, "string", 6, ""],
    "gateway.deployment.nodeSelector": [2, "map<string>", 6, ""],
    "gateway.deployment.replicas": [0, "int", 6, ""],
    "gateway.deployment.resources": [0, "object", 6, ""],
    "gateway.deployment.resources.limits": [0, "object", 6, ""],
    "gateway.deployment.resources.limits.cpu": [0, "string", 6, ""],
    "gateway.deployment.resources.limits.memory": [0, "string", 6, ""],
    "gateway.deployment.resources.requests": [0, "object", 6, ""],
    "gateway.deployment.resources.requests.cpu": [0, "string", 6, ""],
    "gateway.deployment.resources.requests.memory": [0, "string", 6, ""],
    "gateway.deployment.restartPolicy": [2, "string", 6, ""],
    "gateway.deployment.runAsUser": [0, "float", 6, ""],
    "gateway.deployment.stats": [0, "object", 6, ""],
    "gateway.deployment.stats.enableStatsRoute": [4, "bool", 6, ""],
    "gateway.deployment.stats.enabled": [0, "bool", 6, ""],
    "gateway.deployment.stats.podMonitorEnabled": [4, "bool", 6, ""],
    "gateway.deployment.stats.routePrefixRewrite": [0, "string", 6, ""],
    "gateway.deployment.stats.serviceMonitorEnabled": [4, "bool", 6, ""],
    "gateway.deployment.stats.setDatadogAnnotations": [4, "bool", 6, ""],
    "gateway.deployment.stats.statsPrefixRewrite": [4, "string", 6, ""],
    "gateway.deployment.tolerations": [2, "list<k8s:Toleration>", 6, ""],
    "gateway.enabled": [0, "bool"],
    "gateway.isolateVirtualHostsBySslConfig": [5, "bool"],
    "gateway.logLevel": [1, "string", 8, ""],
    "gateway.persistProxySpec": [6, "bool"],
    "gateway.proxyServiceAccount": [0, "object"],
    "gateway.proxyServiceAccount.disableAutomount": [0, "bool"],
    "gateway.proxyServiceAccount.extraAnnotations": [0, "map<string>"],
    "gateway.proxyServiceAccount.kubeResourceOverride": [2, "any"],
    "gateway.readGatewaysFromAllNamespaces": [0, "bool"],
    "gateway.rolloutJob": [5, "object"],
    "gateway.rolloutJob.activeDeadlineSeconds": [5, "int"],
    "gateway.rolloutJob.affinity": [5, "any"],
    "gateway.rolloutJob.backoffLimit": [6, "int"],
    "gateway.rolloutJob.completions": [6, "int"],
    "gateway.rolloutJob.containerSecurityContext": [10, "k8s:SecurityContext"],
    "gateway.rolloutJob.containerSecurityContext.mergePolicy": [10, "string"],
    "gateway.rolloutJob.enabled": [5, "bool"],
    "gateway.rolloutJob.extraPodAnnotations": [7, "map<string>"],
    "gateway.rolloutJob.extraPodLabels": [7, "map<string>"],
    "gateway.rolloutJob.floatingUserId": [5, "bool"],
    "gateway.rolloutJob.hostAliases": [5, "list<any>"],
    "gateway.rolloutJob.image": [5, "object"],
    "gateway.rolloutJob.image.digest": [5, "string"],
    "gateway.rolloutJob.image.disableDigest": [13, "bool"],
    "gateway.rolloutJob.image.distrolessDigest": [11, "string"],
    "gateway.rolloutJob.image.extended": [5, "bool", 11, ""],
    "gateway.rolloutJob.image.fips": [5, "bool"],
    "gateway.rolloutJob.image.fipsDigest": [5, "string"],
    "gateway.rolloutJob.image.fipsDistrolessDigest": [11, "string"],
    "gateway.rolloutJob.image.pullPolicy": [5, "string"],
    "gateway.rolloutJob.image.pullSecret": [5, "string"],
    "gateway.rolloutJob.image.registry": [5, "string"],
    "gateway.rolloutJob.image.repository": [5, "string"],
    "gateway.rolloutJob.image.tag": [5, "string"],
    "gateway.rolloutJob.image.variant": [11, "string"],
    "gateway.rolloutJob.initContainers": [5, "list<any>"],
    "gateway.rolloutJob.manualSelector": [6, "bool"],
    "gateway.rolloutJob.nodeName": [5, "string"],
    "gateway.rolloutJob.nodeSelector": [5, "map<string>"],
    "gateway.rolloutJob.parallelism": [6, "int"],
    "gateway.rolloutJob.priorityClassName": [7, "string"],
    "gateway.rolloutJob.resources": [5, "object"],
    "gateway.rolloutJob.resources.limits": [5, "object"],
    "gateway.rolloutJob.resources.limits.cpu": [5, "string"],
    "gateway.rolloutJob.resources.limits.memory": [5, "string"],
    "gateway.rolloutJob.resources.requests": [5, "object"],
    "gateway.rolloutJob.resources.requests.cpu": [5, "string"],
    "gateway.rolloutJob.resources.requests.memory": [5, "string"],
    "gateway.rolloutJob.restartPolicy": [5, "string"],
    "gateway.rolloutJob.runAsUser": [5, "float"],
    "gateway.rolloutJob.timeout": [7, "int"],
    "gateway.rolloutJob.tolerations": [5, "list<k8s:Toleration>"],
    "gateway.rolloutJob.ttlSecondsAfterFinished": [5, "int"],
    "gateway.serviceAccount": [0, "object", 6, ""],
    "gateway.serviceAccount.disableAutomount": [0, "bool", 6, ""],
    "gateway.serviceAccount.extraAnnotations": [0, "map<string>", 6, ""],
    "gateway.serviceAccount.kubeResourceOverride": [2, "any", 6, ""],
    "gateway.translateEmptyGateways": [7, "bool"],
    "gateway.updateValues": [0, "bool"],
    "gateway.validation": [0, "object"],
    "gateway.validation.allowWarnings": [0, "bool"],
    "gateway.validation.alwaysAcceptResources": [0, "bool"],
    "gateway.validation.disableTransformationValidation": [0, "bool"],
    "gateway.validation.enabled": [0, "bool"],
    "gateway.validation.failurePolicy": [0, "string"],
    "gateway.validation.fullEnvoyValidation": [12, "bool"],
    "gateway.validation.kubeCoreFailurePolicy": [12, "string"],
    "gateway.validation.kubeCoreMatchConditions": [12, "list<any>"],
    "gateway.validation.livenessProbeEnabled": [6, "bool"],
    "gateway.validation.matchConditions": [12, "list<any>"],
    "gateway.validation.secretName": [0, "string"],
    "gateway.validation.serverEnabled": [6, "bool"],
    "gateway.validation.validationServerGrpcMaxSizeBytes": [0, "int"],
    "gateway.validation.warnMissingTlsSecret": [9, "bool"],
    "gateway.validation.warnRouteShortCircuiting": [2, "bool"],
    "gateway.validation.webhook": [0, "object"],
    "gateway.validation.webhook.disableHelmHook": [0, "bool"],
    "gateway.validation.webhook.enablePolicyApi": [11, "bool"],
    "gateway.validation.webhook.enabled": [0, "bool"],
    "gateway.validation.webhook.extraAnnotations": [0, "map<string>"],
    "gateway.validation.webhook.kubeResourceOverride": [2, "any"],
    "gateway.validation.webhook.skipDeleteValidationResources": [7, "list<string>"],
    "gateway.validation.webhook.timeoutSeconds": [8, "int"],
    "gatewayProxies": [0, "map<object>"],
    "gatewayProxies.*": [0, "object"],
    "gatewayProxies.*.IstioMetaClusterId": [1, "string", 2, ""],
    "gatewayProxies.*.affinity": [1, "list<any>", 4, "any"],
    "gatewayProxies.*.antiAffinity": [0, "bool"],
    "gatewayProxies.*.configMap": [0, "object"],
    "gatewayProxies.*.configMap.data": [0, "map<string>"],
    "gatewayProxies.*.configMap.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.customStaticLayer": [1, "any"],
    "gatewayProxies.*.disableCoreDumps": [6, "bool"],
    "gatewayProxies.*.disableExtauthSidecar": [10, "bool"],
    "gatewayProxies.*.disabled": [0, "bool"],
    "gatewayProxies.*.envoyApiVersion": [0, "string"],
    "gatewayProxies.*.envoyBootstrapExtensions": [0, "list<any>"],
    "gatewayProxies.*.envoyLogLevel": [8, "string"],
    "gatewayProxies.*.envoyOverloadManager": [6, "any"],
    "gatewayProxies.*.envoyStaticClusters": [0, "list<any>"],
    "gatewayProxies.*.envoyStatsConfig": [7, "any"],
    "gatewayProxies.*.extraContainersHelper": [0, "string"],
    "gatewayProxies.*.extraEnvoyArgs": [0, "list<string>"],
    "gatewayProxies.*.extraInitContainersHelper": [0, "string"],
    "gatewayProxies.*.extraListenersHelper": [0, "string"],
    "gatewayProxies.*.extraProxyVolumeMountHelper": [0, "string"],
    "gatewayProxies.*.extraProxyVolumeMounts": [1, "list<any>"],
    "gatewayProxies.*.extraVolumeHelper": [0, "string"],
    "gatewayProxies.*.extraVolumes": [1, "list<any>"],
    "gatewayProxies.*.failover": [0, "object"],
    "gatewayProxies.*.failover.enabled": [0, "bool"],
    "gatewayProxies.*.failover.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.failover.nodePort": [0, "int"],
    "gatewayProxies.*.failover.port": [0, "int"],
    "gatewayProxies.*.failover.secretName": [0, "string"],
    "gatewayProxies.*.gatewaySettings": [0, "object"],
    "gatewayProxies.*.gatewaySettings.accessLoggingService": [1, "ext:github.com/solo-io/gloo/projects/gloo/pkg/api/v1/options/als.AccessLoggingService", 4, "any"],
    "gatewayProxies.*.gatewaySettings.customHttpGateway": [0, "string", 4, "any"],
    "gatewayProxies.*.gatewaySettings.customHttpsGateway": [0, "string", 4, "any"],
    "gatewayProxies.*.gatewaySettings.disableGeneratedGateways": [0, "bool"],
    "gatewayProxies.*.gatewaySettings.disableHttpGateway": [1, "bool"],
    "gatewayProxies.*.gatewaySettings.disableHttpsGateway": [1, "bool"],
    "gatewayProxies.*.gatewaySettings.enabled": [4, "bool"],
    "gatewayProxies.*.gatewaySettings.httpGatewayKubeOverride": [2, "object", 4, "any"],
    "gatewayProxies.*.gatewaySettings.httpGatewayKubeOverride.kubeResourceOverride": [2, "any", 4, ""],
    "gatewayProxies.*.gatewaySettings.httpHybridGateway": [5, "any"],
    "gatewayProxies.*.gatewaySettings.httpsGatewayKubeOverride": [2, "object", 4, "any"],
    "gatewayProxies.*.gatewaySettings.httpsGatewayKubeOverride.kubeResourceOverride": [2, "any", 4, ""],
    "gatewayProxies.*.gatewaySettings.httpsHybridGateway": [5, "any"],
    "gatewayProxies.*.gatewaySettings.ipv4Only": [0, "bool"],
    "gatewayProxies.*.gatewaySettings.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.gatewaySettings.options": [0, "ext:github.com/solo-io/gloo/projects/gloo/pkg/api/v1.GatewayOptions", 2, "ext:github.com/solo-io/gloo/projects/gloo/pkg/api/v1.ListenerOptions", 4, "any"],
    "gatewayProxies.*.gatewaySettings.useProxyProto": [0, "bool"],
    "gatewayProxies.*.globalDownstreamMaxConnections": [0, "int"],
    "gatewayProxies.*.healthyPanicThreshold": [0, "int"],
    "gatewayProxies.*.horizontalPodAutoscaler": [1, "object"],
    "gatewayProxies.*.horizontalPodAutoscaler.apiVersion": [1, "string"],
    "gatewayProxies.*.horizontalPodAutoscaler.behavior": [1, "any"],
    "gatewayProxies.*.horizontalPodAutoscaler.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.horizontalPodAutoscaler.maxReplicas": [1, "int"],
    "gatewayProxies.*.horizontalPodAutoscaler.metrics": [1, "list<any>"],
    "gatewayProxies.*.horizontalPodAutoscaler.minReplicas": [1, "int"],
    "gatewayProxies.*.horizontalPodAutoscaler.targetCPUUtilizationPercentage": [1, "int"],
    "gatewayProxies.*.istioDiscoveryAddress": [2, "string"],
    "gatewayProxies.*.istioMetaClusterId": [2, "string"],
    "gatewayProxies.*.istioMetaMeshId": [1, "string"],
    "gatewayProxies.*.istioSpiffeCertProviderAddress": [10, "string"],
    "gatewayProxies.*.kind": [0, "object"],
    "gatewayProxies.*.kind.daemonSet": [0, "object"],
    "gatewayProxies.*.kind.daemonSet.hostNetwork": [2, "bool"],
    "gatewayProxies.*.kind.daemonSet.hostPort": [0, "bool"],
    "gatewayProxies.*.kind.deployment": [0, "object"],
    "gatewayProxies.*.kind.deployment.affinity": [2, "list<any>", 4, "any"],
    "gatewayProxies.*.kind.deployment.customEnv": [0, "list<k8s:EnvVar>"],
    "gatewayProxies.*.kind.deployment.hostAliases": [2, "list<any>"],
    "gatewayProxies.*.kind.deployment.initContainers": [5, "list<any>"],
    "gatewayProxies.*.kind.deployment.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.kind.deployment.nodeName": [2, "string"],
    "gatewayProxies.*.kind.deployment.nodeSelector": [2, "map<string>"],
    "gatewayProxies.*.kind.deployment.priorityClassName": [7, "string"],
    "gatewayProxies.*.kind.deployment.replicas": [0, "int"],
    "gatewayProxies.*.kind.deployment.restartPolicy": [2, "string"],
    "gatewayProxies.*.kind.deployment.tolerations": [2, "list<k8s:Toleration>"],
    "gatewayProxies.*.kind.workloadType": [16, "string"],
    "gatewayProxies.*.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.logLevel": [1, "string", 8, ""],
    "gatewayProxies.*.loopBackAddress": [0, "string"],
    "gatewayProxies.*.namespace": [6, "string"],
    "gatewayProxies.*.podDisruptionBudget": [1, "object"],
    "gatewayProxies.*.podDisruptionBudget.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.podDisruptionBudget.maxUnavailable": [2, "int", 8, "string"],
    "gatewayProxies.*.podDisruptionBudget.minAvailable": [2, "int", 8, "string"],
    "gatewayProxies.*.podTemplate": [0, "object"],
    "gatewayProxies.*.podTemplate.customLivenessProbe": [6, "k8s:Probe"],
    "gatewayProxies.*.podTemplate.customReadinessProbe": [0, "k8s:Probe"],
    "gatewayProxies.*.podTemplate.disableNetBind": [0, "bool"],
    "gatewayProxies.*.podTemplate.enablePodSecurityContext": [2, "bool"],
    "gatewayProxies.*.podTemplate.extraAnnotations": [0, "map<string>"],
    "gatewayProxies.*.podTemplate.extraContainers": [5, "list<any>"],
    "gatewayProxies.*.podTemplate.extraGatewayProxyLabels": [0, "map<string>"],
    "gatewayProxies.*.podTemplate.extraInitContainers": [5, "list<any>"],
    "gatewayProxies.*.podTemplate.extraPorts": [0, "list<any>"],
    "gatewayProxies.*.podTemplate.floatingUserId": [0, "bool"],
    "gatewayProxies.*.podTemplate.fsGroup": [0, "float"],
    "gatewayProxies.*.podTemplate.glooContainerSecurityContext": [8, "k8s:SecurityContext"],
    "gatewayProxies.*.podTemplate.glooContainerSecurityContext.mergePolicy": [8, "string"],
    "gatewayProxies.*.podTemplate.gracefulShutdown": [0, "object"],
    "gatewayProxies.*.podTemplate.gracefulShutdown.enabled": [0, "bool"],
    "gatewayProxies.*.podTemplate.gracefulShutdown.sleepTimeSeconds": [0, "int"],
    "gatewayProxies.*.podTemplate.httpPort": [0, "int"],
    "gatewayProxies.*.podTemplate.httpsPort": [0, "int"],
    "gatewayProxies.*.podTemplate.image": [0, "object"],
    "gatewayProxies.*.podTemplate.image.digest": [5, "string"],
    "gatewayProxies.*.podTemplate.image.disableDigest": [13, "bool"],
    "gatewayProxies.*.podTemplate.image.distrolessDigest": [11, "string"],
    "gatewayProxies.*.podTemplate.image.extended": [0, "bool", 11, ""],
    "gatewayProxies.*.podTemplate.image.fips": [3, "bool"],
    "gatewayProxies.*.podTemplate.image.fipsDigest": [5, "string"],
    "gatewayProxies.*.podTemplate.image.fipsDistrolessDigest": [11, "string"],
    "gatewayProxies.*.podTemplate.image.pullPolicy": [0, "string"],
    "gatewayProxies.*.podTemplate.image.pullSecret": [0, "string"],
    "gatewayProxies.*.podTemplate.image.registry": [0, "string"],
    "gatewayProxies.*.podTemplate.image.repository": [0, "string"],
    "gatewayProxies.*.podTemplate.image.tag": [0, "string"],
    "gatewayProxies.*.podTemplate.image.variant": [11, "string"],
    "gatewayProxies.*.podTemplate.livenessProbeEnabled": [6, "bool"],
    "gatewayProxies.*.podTemplate.nodeName": [0, "string"],
    "gatewayProxies.*.podTemplate.nodeSelector": [0, "map<string>"],
    "gatewayProxies.*.podTemplate.podSecurityContext": [8, "k8s:PodSecurityContext"],
    "gatewayProxies.*.podTemplate.podSecurityContext.mergePolicy": [8, "string"],
    "gatewayProxies.*.podTemplate.probes": [0, "bool"],
    "gatewayProxies.*.podTemplate.resources": [0, "object"],
    "gatewayProxies.*.podTemplate.resources.limits": [0, "object"],
    "gatewayProxies.*.podTemplate.resources.limits.cpu": [0, "string"],
    "gatewayProxies.*.podTemplate.resources.limits.memory": [0, "string"],
    "gatewayProxies.*.podTemplate.resources.requests": [0, "object"],
    "gatewayProxies.*.podTemplate.resources.requests.cpu": [0, "string"],
    "gatewayProxies.*.podTemplate.resources.requests.memory": [0, "string"],
    "gatewayProxies.*.podTemplate.runAsUser": [0, "float"],
    "gatewayProxies.*.podTemplate.runUnprivileged": [0, "bool"],
    "gatewayProxies.*.podTemplate.terminationGracePeriodSeconds": [0, "int"],
    "gatewayProxies.*.podTemplate.tolerations": [0, "list<k8s:Toleration>"],
    "gatewayProxies.*.readConfig": [0, "bool"],
    "gatewayProxies.*.readConfigMulticluster": [0, "bool"],
    "gatewayProxies.*.service": [0, "object"],
    "gatewayProxies.*.service.clusterIP": [0, "string"],
    "gatewayProxies.*.service.configDumpService": [2, "object"],
    "gatewayProxies.*.service.configDumpService.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.service.customPorts": [0, "list<any>"],
    "gatewayProxies.*.service.externalIPs": [1, "list<string>"],
    "gatewayProxies.*.service.externalTrafficPolicy": [0, "string"],
    "gatewayProxies.*.service.extraAnnotations": [0, "map<string>"],
    "gatewayProxies.*.service.httpNodePort": [0, "int"],
    "gatewayProxies.*.service.httpPort": [0, "int"],
    "gatewayProxies.*.service.httpsFirst": [0, "bool"],
    "gatewayProxies.*.service.httpsNodePort": [0, "int"],
    "gatewayProxies.*.service.httpsPort": [0, "int"],
    "gatewayProxies.*.service.kubeResourceOverride": [2, "any"],
    "gatewayProxies.*.service.loadBalancerIP": [0, "string"],
    "gatewayProxies.*.service.loadBalancerSourceRanges": [0, "list<string>"],
    "gatewayProxies.*.service.name": [0, "string"],
    "gatewayProxies.*.service.type": [0, "string"],
    "gatewayProxies.*.stats": [0, "object"],
    "gatewayProxies.*.stats.enableStatsRoute": [4, "bool"],
    "gatewayProxies.*.stats.enabled": [0, "bool"],
    "gatewayProxies.*.stats.podMonitorEnabled": [4, "bool"],
    "gatewayProxies.*.stats.routePrefixRewrite": [0, "string"],
    "gatewayProxies.*.stats.serviceMonitorEnabled": [4, "bool"],
    "gatewayProxies.*.stats.setDatadogAnnotations": [4, "bool"],
    "gatewayProxies.*.stats.statsPrefixRewrite": [4, "string"],
    "gatewayProxies.*.tcpKeepaliveTimeSeconds": [7, "int"],
    "gatewayProxies.*.topologySpreadConstraints": [5, "list<any>"],
    "gatewayProxies.*.tracing": [0, "object"],
    "gatewayProxies.*.tracing.cluster": [0, "string", 4, "list<any>"],
    "gatewayProxies.*.tracing.provider": [0, "string", 4, "any"],
    "gatewayProxies.*.xdsServiceAddress": [3, "string"],
    "gatewayProxies.*.xdsServicePort": [3, "int"],
    "global": [0, "object"],
    "global.additionalLabels": [11, "map<string>"],
    "global.configMaps": [6, "list<object>"],
    "global.configMaps[]": [6, "object"],
    "global.configMaps[].data": [6, "map<string>"],
    "global.configMaps[].name": [6, "string"],
    "global.configMaps[].namespace": [6, "string"],
    "global.console": [5, "any"],
    "global.extauthCustomYaml": [1, "bool"],
    "global.extensions": [0, "any"],
    "global.extraCustomResources": [7, "bool"],
    "global.extraSpecs": [1, "bool"],
    "global.glooMtls": [0, "object"],
    "global.glooMtls.enabled": [0, "bool"],
    "global.glooMtls.envoy": [0, "object"],
    "global.glooMtls.envoy.image": [0, "object"],
    "global.glooMtls.envoy.image.digest": [5, "string"],
    "global.glooMtls.envoy.image.disableDigest": [13, "bool"],
    "global.glooMtls.envoy.image.distrolessDigest": [11, "string"],
    "global.glooMtls.envoy.image.extended": [0, "bool", 11, ""],
    "global.glooMtls.envoy.image.fips": [3, "bool"],
    "global.glooMtls.envoy.image.fipsDigest": [5, "string"],
    "global.glooMtls.envoy.image.fipsDistrolessDigest": [11, "string"],
    "global.glooMtls.envoy.image.pullPolicy": [0, "string"],
    "global.glooMtls.envoy.image.pullSecret": [0, "string"],
    "global.glooMtls.envoy.image.registry": [0, "string"],
    "global.glooMtls.envoy.image.repository": [0, "string"],
    "global.glooMtls.envoy.image.tag": [0, "string"],
    "global.glooMtls.envoy.image.variant": [11, "string"],
    "global.glooMtls.envoy.securityContext": [8, "k8s:SecurityContext"],
    "global.glooMtls.envoy.securityContext.mergePolicy": [8, "string"],
    "global.glooMtls.envoySidecarResources": [0, "object"],
    "global.glooMtls.envoySidecarResources.limits": [0, "object"],
    "global.glooMtls.envoySidecarResources.limits.cpu": [0, "string"],
    "global.glooMtls.envoySidecarResources.limits.memory": [0, "string"],
    "global.glooMtls.envoySidecarResources.requests": [0, "object"],
    "global.glooMtls.envoySidecarResources.requests.cpu": [0, "string"],
    "global.glooMtls.envoySidecarResources.requests.memory": [0, "string"],
    "global.glooMtls.istioProxy": [5, "object"],
    "global.glooMtls.istioProxy.image": [5, "object"],
    "global.glooMtls.istioProxy.image.digest": [5, "string"],
    "global.glooMtls.istioProxy.image.disableDigest": [13, "bool"],
    "global.glooMtls.istioProxy.image.distrolessDigest": [11, "string"],
    "global.glooMtls.istioProxy.image.extended": [5, "bool", 11, ""],
    "global.glooMtls.istioProxy.image.fips": [5, "bool"],
    "global.glooMtls.istioProxy.image.fipsDigest": [5, "string"],
    "global.glooMtls.istioProxy.image.fipsDistrolessDigest": [11, "string"],
    "global.glooMtls.istioProxy.image.pullPolicy": [5, "string"],
    "global.glooMtls.istioProxy.image.pullSecret": [5, "string"],
    "global.glooMtls.istioProxy.image.registry": [5, "string"],
    "global.glooMtls.istioProxy.image.repository": [5, "string"],
    "global.glooMtls.istioProxy.image.tag": [5, "string"],
    "global.glooMtls.istioProxy.image.variant": [11, "string"],
    "global.glooMtls.istioProxy.istioDiscoveryAddress": [11, "string"],
    "global.glooMtls.istioProxy.istioMetaClusterId": [11, "string"],
    "global.glooMtls.istioProxy.istioMetaMeshId": [11, "string"],
    "global.glooMtls.istioProxy.logLevel": [10, "string"],
    "global.glooMtls.istioProxy.securityContext": [8, "k8s:SecurityContext"],
    "global.glooMtls.istioProxy.securityContext.mergePolicy": [8, "string"],
    "global.glooMtls.sds": [0, "object"],
    "global.glooMtls.sds.image": [0, "object"],
    "global.glooMtls.sds.image.digest": [5, "string"],
    "global.glooMtls.sds.image.disableDigest": [13, "bool"],
    "global.glooMtls.sds.image.distrolessDigest": [11, "string"],
    "global.glooMtls.sds.image.extended": [0, "bool", 11, ""],
    "global.glooMtls.sds.image.fips": [3, "bool"],
    "global.glooMtls.sds.image.fipsDigest": [5, "string"],
    "global.glooMtls.sds.image.fipsDistrolessDigest": [11, "string"],
    "global.glooMtls.sds.image.pullPolicy": [0, "string"],
    "global.glooMtls.sds.image.pullSecret": [0, "string"],
    "global.glooMtls.sds.image.registry": [0, "string"],
    "global.glooMtls.sds.image.repository": [0, "string"],
    "global.glooMtls.sds.image.tag": [0, "string"],
    "global.glooMtls.sds.image.variant": [11, "string"],
    "global.glooMtls.sds.logLevel": [10, "string"],
    "global.glooMtls.sds.readinessProbe": [12, "k8s:Probe"],
    "global.glooMtls.sds.sdsResources": [11, "object"],
    "global.glooMtls.sds.sdsResources.limits": [11, "object"],
    "global.glooMtls.sds.sdsResources.limits.cpu": [11, "string"],
    "global.glooMtls.sds.sdsResources.limits.memory": [11, "string"],
    "global.glooMtls.sds.sdsResources.requests": [11, "object"],
    "global.glooMtls.sds.sdsResources.requests.cpu": [11, "string"],
    "global.glooMtls.sds.sdsResources.requests.memory": [11, "string"],
    "global.glooMtls.sds.securityContext": [8, "k8s:SecurityContext"],
    "global.glooMtls.sds.securityContext.mergePolicy": [8, "string"],
    "global.glooMtls.sdsResources": [0, "object"],
    "global.glooMtls.sdsResources.limits": [0, "object"],
    "global.glooMtls.sdsResources.limits.cpu": [0, "string"],
    "global.glooMtls.sdsResources.limits.memory": [0, "string"],
    "global.glooMtls.sdsResources.requests": [0, "object"],
    "global.glooMtls.sdsResources.requests.cpu": [0, "string"],
    "global.glooMtls.sdsResources.requests.memory": [0, "string"],
    "global.glooRbac": [0, "object"],
    "global.glooRbac.create": [0, "bool"],
    "global.glooRbac.nameSuffix": [0, "string"],
    "global.glooRbac.namespaced": [0, "bool"],
    "global.glooStats": [0, "object"],
    "global.glooStats.enableStatsRoute": [4, "bool"],
    "global.glooStats.enabled": [0, "bool"],
    "global.glooStats.podMonitorEnabled": [4, "bool"],
    "global.glooStats.routePrefixRewrite": [0, "string"],
    "global.glooStats.serviceMonitorEnabled": [4, "bool"],
    "global.glooStats.setDatadogAnnotations": [4, "bool"],
    "global.glooStats.statsPrefixRewrite": [4, "string"],
    "global.graphql": [6, "any", 14, ""],
    "global.image": [0, "object"],
    "global.image.digest": [5, "string"],
    "global.image.disableDigest": [13, "bool"],
    "global.image.distrolessDigest": [11, "string"],
    "global.image.extended": [0, "bool", 11, ""],
    "global.image.fips": [3, "bool"],
    "global.image.fipsDigest": [5, "string"],
    "global.image.fipsDistrolessDigest": [11, "string"],
    "global.image.pullPolicy": [0, "string"],
    "global.image.pullSecret": [0, "string"],
    "global.image.registry": [0, "string"],
    "global.image.repository": [0, "string"],
    "global.image.tag": [0, "string"],
    "global.image.variant": [11, "string"],
    "global.istioIntegration": [1, "object"],
    "global.istioIntegration.appendXForwardedHost": [9, "bool"],
    "global.istioIntegration.disableAutoinjection": [1, "bool"],
    "global.istioIntegration.enableAutoMtls": [11, "bool"],
    "global.istioIntegration.enableIstioSidecarOnGateway": [6, "bool"],
    "global.istioIntegration.enabled": [11, "bool"],
    "global.istioIntegration.istioSidecarRevTag": [6, "string"],
    "global.istioIntegration.labelInstallNamespace": [1, "bool"],
    "global.istioIntegration.whitelistDiscovery": [1, "bool"],
    "global.istioSDS": [0, "object"],
    "global.istioSDS.customSidecars": [0, "list<any>"],
    "global.istioSDS.enabled": [0, "bool"],
    "global.podSecurityStandards": [10, "object"],
    "global.podSecurityStandards.container": [10, "object"],
    "global.podSecurityStandards.container.defaultSeccompProfileType": [10, "string"],
    "global.podSecurityStandards.container.enableRestrictedContainerDefaults": [10, "bool"],
    "global.securitySettings": [11, "object"],
    "global.securitySettings.floatingUserId": [11, "bool"],
    "gloo": [0, "object"],
    "gloo.clearStatusMetrics": [13, "bool"],
    "gloo.deployment": [0, "object"],
    "gloo.deployment.affinity": [2, "list<any>", 4, "any"],
    "gloo.deployment.customEnv": [0, "list<k8s:EnvVar>"],
    "gloo.deployment.disableUsageStatistics": [0, "bool", 3, ""],
    "gloo.deployment.externalTrafficPolicy": [0, "string"],
    "gloo.deployment.extraGlooAnnotations": [4, "map<string>"],
    "gloo.deployment.extraGlooLabels": [0, "map<string>"],
    "gloo.deployment.floatingUserId": [0, "bool"],
    "gloo.deployment.glooContainerSecurityContext": [8, "k8s:SecurityContext"],
    "gloo.deployment.glooContainerSecurityContext.mergePolicy": [8, "string"],
    "gloo.deployment.goMemLimitPercent": [14, "int"],
    "gloo.deployment.hostAliases": [2, "list<any>"],
    "gloo.deployment.image": [0, "object"],
    "gloo.deployment.image.digest": [5, "string"],
    "gloo.deployment.image.disableDigest": [13, "bool"],
    "gloo.deployment.image.distrolessDigest": [11, "string"],
    "gloo.deployment.image.extended": [0, "bool", 11, ""],
    "gloo.deployment.image.fips": [3, "bool"],
    "gloo.deployment.image.fipsDigest": [5, "string"],
    "gloo.deployment.image.fipsDistrolessDigest": [11, "string"],
    "gloo.deployment.image.pullPolicy": [0, "string"],
    "gloo.deployment.image.pullSecret": [0, "string"],
    "gloo.deployment.image.registry": [0, "string"],
    "gloo.deployment.image.repository": [0, "string"],
    "gloo.deployment.image.tag": [0, "string"],
    "gloo.deployment.image.variant": [11, "string"],
    "gloo.deployment.initContainers": [5, "list<any>"],
    "gloo.deployment.kubeResourceOverride": [2, "any"],
    "gloo.deployment.livenessProbeEnabled": [6, "bool"],
    "gloo.deployment.nodeName": [2, "string"],
    "gloo.deployment.nodeSelector": [2, "map<string>"],
    "gloo.deployment.ossImageTag": [6, "string"],
    "gloo.deployment.podSecurityContext": [8, "k8s:PodSecurityContext"],
    "gloo.deployment.podSecurityContext.mergePolicy": [8, "string"],
    "gloo.deployment.priorityClassName": [7, "string"],
    "gloo.deployment.proxyDebugPort": [6, "int"],
    "gloo.deployment.replicas": [0, "int"],
    "gloo.deployment.resources": [0, "object"],
    "gloo.deployment.resources.limits": [0, "object"],
    "gloo.deployment.resources.limits.cpu": [0, "string"],
    "gloo.deployment.resources.limits.memory": [0, "string"],
    "gloo.deployment.resources.requests": [0, "object"],
    "gloo.deployment.resources.requests.cpu": [0, "string"],
    "gloo.deployment.resources.requests.memory": [0, "string"],
    "gloo.deployment.restXdsPort": [0, "int"],
    "gloo.deployment.restartPolicy": [2, "string"],
    "gloo.deployment.runAsUser": [0, "float"],
    "gloo.deployment.stats": [0, "object"],
    "gloo.deployment.stats.enableStatsRoute": [4, "bool"],
    "gloo.deployment.stats.enabled": [0, "bool"],
    "gloo.deployment.stats.podMonitorEnabled": [4, "bool"],
    "gloo.deployment.stats.routePrefixRewrite": [0, "string"],
    "gloo.deployment.stats.serviceMonitorEnabled": [4, "bool"],
    "gloo.deployment.stats.setDatadogAnnotations": [4, "bool"],
    "gloo.deployment.stats.statsPrefixRewrite": [4, "string"],
    "gloo.deployment.tolerations": [2, "list<k8s:Toleration>"],
    "gloo.deployment.validationPort": [0, "int"],
    "gloo.deployment.xdsPort": [0, "int"],
    "gloo.disableLeaderElection": [6, "bool"],
    "gloo.headerSecretRefNsMatchesUs": [8, "bool"],
    "gloo.logLevel": [1, "string"],
    "gloo.podDisruptionBudget": [8, "object"],
    "gloo.podDisruptionBudget.maxUnavailable": [8, "string"],
    "gloo.podDisruptionBudget.minAvailable": [8, "string"],
    "gloo.service": [2, "object"],
    "gloo.service.kubeResourceOverride": [2, "any"],
    "gloo.serviceAccount": [0, "object"],
    "gloo.serviceAccount.disableAutomount": [0, "bool"],
    "gloo.serviceAccount.extraAnnotations": [0, "map<string>"],
    "gloo.serviceAccount.kubeResourceOverride": [2, "any"],
    "gloo.splitLogOutput": [3, "bool"],
    "ingress": [0, "object"],
    "ingress.customIngressClass": [0, "bool"],
    "ingress.deployment": [0, "object"],
    "ingress.deployment.affinity": [2, "list<any>", 4, "any"],
    "ingress.deployment.customEnv": [0, "list<k8s:EnvVar>"],
    "ingress.deployment.extraIngressAnnotations": [4, "map<string>"],
    "ingress.deployment.extraIngressLabels": [0, "map<string>"],
    "ingress.deployment.floatingUserId": [0, "bool"],
    "ingress.deployment.hostAliases": [2, "list<any>"],
    "ingress.deployment.image": [0, "object"],
    "ingress.deployment.image.digest": [5, "string"],
    "ingress.deployment.image.disableDigest": [13, "bool"],
    "ingress.deployment.image.distrolessDigest": [11, "string"],
    "ingress.deployment.image.extended": [0, "bool", 11, ""],
    "ingress.deployment.image.fips": [3, "bool"],
    "ingress.deployment.image.fipsDigest": [5, "string"],
    "ingress.deployment.image.fipsDistrolessDigest": [11, "string"],
    "ingress.deployment.image.pullPolicy": [0, "string"],
    "ingress.deployment.image.pullSecret": [0, "string"],
    "ingress.deployment.image.registry": [0, "string"],
    "ingress.deployment.image.repository": [0, "string"],
    "ingress.deployment.image.tag": [0, "string"],
    "ingress.deployment.image.variant": [11, "string"],
    "ingress.deployment.ingressContainerSecurityContext": [10, "k8s:SecurityContext"],
    "ingress.deployment.ingressContainerSecurityContext.mergePolicy": [10, "string"],
    "ingress.deployment.initContainers": [5, "list<any>"],
    "ingress.deployment.kubeResourceOverride": [2, "any"],
    "ingress.deployment.nodeName": [2, "string"],
    "ingress.deployment.nodeSelector": [2, "map<string>"],
    "ingress.deployment.priorityClassName": [7, "string"],
    "ingress.deployment.replicas": [0, "int"],
    "ingress.deployment.resources": [0, "object"],
    "ingress.deployment.resources.limits": [0, "object"],
    "ingress.deployment.resources.limits.cpu": [0, "string"],
    "ingress.deployment.resources.limits.memory": [0, "string"],
    "ingress.deployment.resources.requests": [0, "object"],
    "ingress.deployment.resources.requests.cpu": [0, "string"],
    "ingress.deployment.resources.requests.memory": [0, "string"],
    "ingress.deployment.restartPolicy": [2, "string"],
    "ingress.deployment.runAsUser": [0, "float"],
    "ingress.deployment.stats": [4, "bool"],
    "ingress.deployment.tolerations": [2, "list<k8s:Toleration>"],
    "ingress.enabled": [0, "bool"],
    "ingress.requireIngressClass": [0, "bool"],
    "ingressProxy": [0, "object"],
    "ingressProxy.configMap": [0, "object"],
    "ingressProxy.configMap.data": [0, "map<string>"],
    "ingressProxy.configMap.kubeResourceOverride": [2, "any"],
    "ingressProxy.deployment": [0, "object"],
    "ingressProxy.deployment.affinity": [2, "list<any>", 4, "any"],
    "ingressProxy.deployment.customEnv": [0, "list<k8s:EnvVar>"],
    "ingressProxy.deployment.extraAnnotations": [0, "map<string>"],
    "ingressProxy.deployment.extraIngressProxyLabels": [0, "map<string>"],
    "ingressProxy.deployment.extraPorts": [0, "list<any>"],
    "ingressProxy.deployment.floatingUserId": [0, "bool"],
    "ingressProxy.deployment.hostAliases": [2, "list<any>"],
    "ingressProxy.deployment.httpPort": [0, "int"],
    "ingressProxy.deployment.httpsPort": [0, "int"],
    "ingressProxy.deployment.image": [0, "object"],
    "ingressProxy.deployment.image.digest": [5, "string"],
    "ingressProxy.deployment.image.disableDigest": [13, "bool"],
    "ingressProxy.deployment.image.distrolessDigest": [11, "string"],
    "ingressProxy.deployment.image.extended": [0, "bool", 11, ""],
    "ingressProxy.deployment.image.fips": [3, "bool"],
    "ingressProxy.deployment.image.fipsDigest": [5, "string"],
    "ingressProxy.deployment.image.fipsDistrolessDigest": [11, "string"],
    "ingressProxy.deployment.image.pullPolicy": [0, "string"],
    "ingressProxy.deployment.image.pullSecret": [0, "string"],
    "ingressProxy.deployment.image.registry": [0, "string"],
    "ingressProxy.deployment.image.repository": [0, "string"],
    "ingressProxy.deployment.image.tag": [0, "string"],
    "ingressProxy.deployment.image.variant": [11, "string"],
    "ingressProxy.deployment.ingressProxyContainerSecurityContext": [10, "k8s:SecurityContext"],
    "ingressProxy.deployment.ingressProxyContainerSecurityContext.mergePolicy": [10, "string"],
    "ingressProxy.deployment.initContainers": [5, "list<any>"],
    "ingressProxy.deployment.kubeResourceOverride": [2, "any"],
    "ingressProxy.deployment.nodeName": [2, "string"],
    "ingressProxy.deployment.nodeSelector": [2, "map<string>"],
    "ingressProxy.deployment.priorityClassName": [7, "string"],
    "ingressProxy.deployment.replicas": [0, "int"],
    "ingressProxy.deployment.resources": [0, "object"],
    "ingressProxy.deployment.resources.limits": [0, "object"],
    "ingressProxy.deployment.resources.limits.cpu": [0, "string"],
    "ingressProxy.deployment.resources.limits.memory": [0, "string"],
    "ingressProxy.deployment.resources.requests": [0, "object"],
    "ingressProxy.deployment.resources.requests.cpu": [0, "string"],
    "ingressProxy.deployment.resources.requests.memory": [0, "string"],
    "ingressProxy.deployment.restartPolicy": [2, "string"],
    "ingressProxy.deployment.runAsUser": [0, "float"],
    "ingressProxy.deployment.stats": [4, "bool"],
    "ingressProxy.deployment.tolerations": [2, "list<k8s:Toleration>"],
    "ingressProxy.label": [0, "string"],
    "ingressProxy.loopBackAddress": [0, "string"],
    "ingressProxy.service": [0, "object"],
    "ingressProxy.service.extraAnnotations": [0, "map<string>"],
    "ingressProxy.service.httpPort": [0, "int"],
    "ingressProxy.service.httpsPort": [0, "int"],
    "ingressProxy.service.kubeResourceOverride": [2, "any"],
    "ingressProxy.service.loadBalancerIP": [0, "string"],
    "ingressProxy.service.type": [0, "string"],
    "ingressProxy.tracing": [0, "string"],
    "k8s": [0, "object"],
    "k8s.clusterName": [0, "string"],
    "kubeGateway": [11, "object"],
    "kubeGateway.enabled": [11, "bool"],
    "kubeGateway.gatewayParameters": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.enabled": [12, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.env": [12, "list<k8s:EnvVar>"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.digest": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.disableDigest": [13, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.distrolessDigest": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.fips": [12, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.fipsDigest": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.fipsDistrolessDigest": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.pullPolicy": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.pullSecret": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.registry": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.repository": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.tag": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.variant": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.ports": [12, "list<k8s:ContainerPort>"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.limits": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.limits.cpu": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.limits.memory": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.requests": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.requests.cpu": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.resources.requests.memory": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.securityContext": [12, "k8s:SecurityContext"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.digest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.disableDigest": [13, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.distrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.fips": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.fipsDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.fipsDistrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.pullPolicy": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.pullSecret": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.registry": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.repository": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.tag": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.variant": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.limits": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.limits.cpu": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.limits.memory": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.requests": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.requests.cpu": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.resources.requests.memory": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.securityContext": [11, "k8s:SecurityContext"],
    "kubeGateway.gatewayParameters.glooGateway.floatingUserId": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.istio": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.istio.customSidecars": [11, "list<any>"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.digest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.disableDigest": [13, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.distrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.fips": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.fipsDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.fipsDistrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.pullPolicy": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.pullSecret": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.registry": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.repository": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.tag": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.variant": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioDiscoveryAddress": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioMetaClusterId": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioMetaMeshId": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.logLevel": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.securityContext": [11, "k8s:SecurityContext"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.customLivenessProbe": [12, "k8s:Probe"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.customReadinessProbe": [12, "k8s:Probe"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.gracefulShutdown": [12, "object"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.gracefulShutdown.enabled": [12, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.gracefulShutdown.sleepTimeSeconds": [12, "int"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.probes": [12, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.terminationGracePeriodSeconds": [12, "int"],
    "kubeGateway.gatewayParameters.glooGateway.podTemplate.topologySpreadConstraints": [13, "list<k8s:TopologySpreadConstraint>"],
    "kubeGateway.gatewayParameters.glooGateway.proxyDeployment": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.proxyDeployment.replicas": [11, "int"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.digest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.disableDigest": [13, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.distrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.fips": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.fipsDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.fipsDistrolessDigest": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.pullPolicy": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.pullSecret": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.registry": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.repository": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.tag": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.variant": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.logLevel": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.limits": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.limits.cpu": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.limits.memory": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.requests": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.requests.cpu": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.sdsResources.requests.memory": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.securityContext": [11, "k8s:SecurityContext"],
    "kubeGateway.gatewayParameters.glooGateway.service": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.service.externalTrafficPolicy": [12, "string"],
    "kubeGateway.gatewayParameters.glooGateway.service.extraAnnotations": [11, "map<string>"],
    "kubeGateway.gatewayParameters.glooGateway.service.extraLabels": [11, "map<string>"],
    "kubeGateway.gatewayParameters.glooGateway.service.type": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.serviceAccount": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.serviceAccount.extraAnnotations": [11, "map<string>"],
    "kubeGateway.gatewayParameters.glooGateway.serviceAccount.extraLabels": [11, "map<string>"],
    "kubeGateway.gatewayParameters.glooGateway.stats": [11, "object"],
    "kubeGateway.gatewayParameters.glooGateway.stats.enableStatsRoute": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.stats.enabled": [11, "bool"],
    "kubeGateway.gatewayParameters.glooGateway.stats.routePrefixRewrite": [11, "string"],
    "kubeGateway.gatewayParameters.glooGateway.stats.statsRoutePrefixRewrite": [11, "string"],
    "kubeGateway.portal": [12, "object"],
    "kubeGateway.portal.enabled": [12, "bool"],
    "namespace": [0, "object"],
    "namespace.create": [0, "bool"],
    "settings": [0, "object"],
    "settings.aws": [0, "object"],
    "settings.aws.credential_refresh_delay": [4, "object"],
    "settings.aws.credential_refresh_delay.nanos": [4, "int"],
    "settings.aws.credential_refresh_delay.seconds": [4, "int"],
    "settings.aws.enableCredentialsDiscovery": [0, "bool"],
    "settings.aws.enableServiceAccountCredentials": [0, "bool"],
    "settings.aws.fallbackToFirstFunction": [6, "bool"],
    "settings.aws.propagateOriginalRouting": [4, "bool"],
    "settings.aws.stsCredentialsRegion": [0, "string"],
    "settings.circuitBreakers": [5, "object"],
    "settings.circuitBreakers.maxConnections": [5, "int"],
    "settings.circuitBreakers.maxPendingRequests": [5, "int"],
    "settings.circuitBreakers.maxRequests": [5, "int"],
    "settings.circuitBreakers.maxRetries": [5, "int"],
    "settings.create": [0, "bool"],
    "settings.devMode": [9, "bool"],
    "settings.disableKubernetesDestinations": [0, "bool"],
    "settings.disableProxyGarbageCollection": [0, "bool"],
    "settings.enableAutoWebsocketTransformationPassthrough": [14, "bool"],
    "settings.enableRestEds": [0, "bool"],
    "settings.extensions": [0, "any"],
    "settings.helm2": [1, "bool", 2, ""],
    "settings.integrations": [0, "object"],
    "settings.integrations.consul": [0, "object"],
    "settings.integrations.consul.caFile": [0, "string"],
    "settings.integrations.consul.caPath": [0, "string"],
    "settings.integrations.consul.certFile": [0, "string"],
    "settings.integrations.consul.datacenter": [0, "string"],
    "settings.integrations.consul.dnsAddress": [0, "string"],
    "settings.integrations.consul.dnsPollingInterval": [0, "object", 4, "string"],
    "settings.integrations.consul.dnsPollingInterval.nanos": [0, "int", 4, ""],
    "settings.integrations.consul.dnsPollingInterval.seconds": [0, "int", 4, ""],
    "settings.integrations.consul.httpAddress": [0, "string"],
    "settings.integrations.consul.insecureSkipVerify": [0, "bool"],
    "settings.integrations.consul.keyFile": [0, "string"],
    "settings.integrations.consul.password": [0, "string"],
    "settings.integrations.consul.serviceDiscovery": [0, "object"],
    "settings.integrations.consul.serviceDiscovery.dataCenters": [0, "list<string>"],
    "settings.integrations.consul.token": [0, "string"],
    "settings.integrations.consul.username": [0, "string"],
    "settings.integrations.consul.waitTime": [0, "object", 4, "string"],
    "settings.integrations.consul.waitTime.nanos": [0, "int", 4, ""],
    "settings.integrations.consul.waitTime.seconds": [0, "int", 4, ""],
    "settings.integrations.consulUpstreamDiscovery": [0, "object"],
    "settings.integrations.consulUpstreamDiscovery.discoveryRootCa": [0, "object", 4, ""],
    "settings.integrations.consulUpstreamDiscovery.discoveryRootCa.name": [2, "string", 4, ""],
    "settings.integrations.consulUpstreamDiscovery.discoveryRootCa.namespace": [2, "string", 4, ""],
    "settings.integrations.consulUpstreamDiscovery.rootCa": [4, "object"],
    "settings.integrations.consulUpstreamDiscovery.rootCa.name": [4, "string"],
    "settings.integrations.consulUpstreamDiscovery.rootCa.namespace": [4, "string"],
    "settings.integrations.consulUpstreamDiscovery.splitTlsServices": [0, "bool"],
    "settings.integrations.consulUpstreamDiscovery.tlsTagName": [0, "string"],
    "settings.integrations.consulUpstreamDiscovery.useTlsDiscovery": [0, "bool", 4, ""],
    "settings.integrations.consulUpstreamDiscovery.useTlsTagging": [4, "bool"],
    "settings.integrations.knative": [0, "object"],
    "settings.integrations.knative.enabled": [0, "bool"],
    "settings.integrations.knative.extraKnativeExternalAnnotations": [4, "map<string>"],
    "settings.integrations.knative.extraKnativeExternalLabels": [0, "map<string>"],
    "settings.integrations.knative.extraKnativeInternalAnnotations": [4, "map<string>"],
    "settings.integrations.knative.extraKnativeInternalLabels": [0, "map<string>"],
    "settings.integrations.knative.proxy": [0, "object"],
    "settings.integrations.knative.proxy.affinity": [2, "list<any>", 4, "any"],
    "settings.integrations.knative.proxy.configMap": [2, "object"],
    "settings.integrations.knative.proxy.configMap.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.containerSecurityContext": [10, "k8s:SecurityContext"],
    "settings.integrations.knative.proxy.containerSecurityContext.mergePolicy": [10, "string"],
    "settings.integrations.knative.proxy.customEnv": [0, "list<k8s:EnvVar>"],
    "settings.integrations.knative.proxy.deployment": [4, "object"],
    "settings.integrations.knative.proxy.deployment.kubeResourceOverride": [4, "any"],
    "settings.integrations.knative.proxy.extraClusterIngressProxyAnnotations": [4, "map<string>"],
    "settings.integrations.knative.proxy.extraClusterIngressProxyLabels": [0, "map<string>"],
    "settings.integrations.knative.proxy.hostAliases": [2, "list<any>"],
    "settings.integrations.knative.proxy.httpPort": [0, "int"],
    "settings.integrations.knative.proxy.httpsPort": [0, "int"],
    "settings.integrations.knative.proxy.image": [0, "object"],
    "settings.integrations.knative.proxy.image.digest": [5, "string"],
    "settings.integrations.knative.proxy.image.disableDigest": [13, "bool"],
    "settings.integrations.knative.proxy.image.distrolessDigest": [11, "string"],
    "settings.integrations.knative.proxy.image.extended": [0, "bool", 11, ""],
    "settings.integrations.knative.proxy.image.fips": [3, "bool"],
    "settings.integrations.knative.proxy.image.fipsDigest": [5, "string"],
    "settings.integrations.knative.proxy.image.fipsDistrolessDigest": [11, "string"],
    "settings.integrations.knative.proxy.image.pullPolicy": [0, "string"],
    "settings.integrations.knative.proxy.image.pullSecret": [0, "string"],
    "settings.integrations.knative.proxy.image.registry": [0, "string"],
    "settings.integrations.knative.proxy.image.repository": [0, "string"],
    "settings.integrations.knative.proxy.image.tag": [0, "string"],
    "settings.integrations.knative.proxy.image.variant": [11, "string"],
    "settings.integrations.knative.proxy.initContainers": [5, "list<any>"],
    "settings.integrations.knative.proxy.internal": [2, "object"],
    "settings.integrations.knative.proxy.internal.configMap": [2, "object"],
    "settings.integrations.knative.proxy.internal.configMap.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.internal.deployment": [2, "object"],
    "settings.integrations.knative.proxy.internal.deployment.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.internal.service": [2, "object"],
    "settings.integrations.knative.proxy.internal.service.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.loopBackAddress": [0, "string"],
    "settings.integrations.knative.proxy.nodeName": [2, "string"],
    "settings.integrations.knative.proxy.nodeSelector": [2, "map<string>"],
    "settings.integrations.knative.proxy.priorityClassName": [7, "string"],
    "settings.integrations.knative.proxy.replicas": [0, "int"],
    "settings.integrations.knative.proxy.resources": [0, "object"],
    "settings.integrations.knative.proxy.resources.limits": [0, "object"],
    "settings.integrations.knative.proxy.resources.limits.cpu": [0, "string"],
    "settings.integrations.knative.proxy.resources.limits.memory": [0, "string"],
    "settings.integrations.knative.proxy.resources.requests": [0, "object"],
    "settings.integrations.knative.proxy.resources.requests.cpu": [0, "string"],
    "settings.integrations.knative.proxy.resources.requests.memory": [0, "string"],
    "settings.integrations.knative.proxy.restartPolicy": [2, "string"],
    "settings.integrations.knative.proxy.runAsUser": [11, "float"],
    "settings.integrations.knative.proxy.service": [0, "object"],
    "settings.integrations.knative.proxy.service.extraAnnotations": [0, "map<string>"],
    "settings.integrations.knative.proxy.service.httpPort": [0, "int"],
    "settings.integrations.knative.proxy.service.httpsPort": [0, "int"],
    "settings.integrations.knative.proxy.service.kubeResourceOverride": [2, "any"],
    "settings.integrations.knative.proxy.service.loadBalancerIP": [0, "string"],
    "settings.integrations.knative.proxy.service.type": [0, "string"],
    "settings.integrations.knative.proxy.stats": [4, "bool"],
    "settings.integrations.knative.proxy.tolerations": [2, "list<k8s:Toleration>"],
    "settings.integrations.knative.proxy.tracing": [0, "string"],
    "settings.integrations.knative.requireIngressClass": [0, "bool"],
    "settings.integrations.knative.version": [0, "string"],
    "settings.invalidConfigPolicy": [0, "object"],
    "settings.invalidConfigPolicy.invalidRouteResponseBody": [0, "string"],
    "settings.invalidConfigPolicy.invalidRouteResponseCode": [0, "int"],
    "settings.invalidConfigPolicy.replaceInvalidRoutes": [0, "bool"],
    "settings.ipV4Only": [14, "bool"],
    "settings.kubeResourceOverride": [2, "any"],
    "settings.linkerd": [0, "bool"],
    "settings.rateLimit": [0, "any"],
    "settings.ratelimitServer": [7, "any"],
    "settings.regexMaxProgramSize": [0, "int"],
    "settings.secretOptions": [9, "object"],
    "settings.secretOptions.sources": [9, "list<object>"],
    "settings.secretOptions.sources[]": [9, "object"],
    "settings.secretOptions.sources[].directory": [9, "object"],
    "settings.secretOptions.sources[].directory.directory": [9, "string"],
    "settings.secretOptions.sources[].kubernetes": [9, "object"],
    "settings.secretOptions.sources[].vault": [9, "object"],
    "settings.secretOptions.sources[].vault.accessToken": [9, "string"],
    "settings.secretOptions.sources[].vault.address": [9, "string"],
    "settings.secretOptions.sources[].vault.aws": [9, "object"],
    "settings.secretOptions.sources[].vault.aws.accessKeyID": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.iamServerIdHeader": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.leaseIncrement": [9, "int"],
    "settings.secretOptions.sources[].vault.aws.mountPath": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.region": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.secretAccessKey": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.sessionToken": [9, "string"],
    "settings.secretOptions.sources[].vault.aws.vaultRole": [9, "string"],
    "settings.secretOptions.sources[].vault.pathPrefix": [9, "string"],
    "settings.secretOptions.sources[].vault.rootKey": [9, "string"],
    "settings.secretOptions.sources[].vault.tlsConfig": [9, "object"],
    "settings.secretOptions.sources[].vault.tlsConfig.caCert": [9, "string"],
    "settings.secretOptions.sources[].vault.tlsConfig.caPath": [9, "string"],
    "settings.secretOptions.sources[].vault.tlsConfig.clientCert": [9, "string"],
    "settings.secretOptions.sources[].vault.tlsConfig.clientKey": [9, "string"],
    "settings.secretOptions.sources[].vault.tlsConfig.insecure": [9, "bool"],
    "settings.secretOptions.sources[].vault.tlsConfig.tlsServerName": [9, "string"],
    "settings.singleNamespace": [0, "bool"],
    "settings.watchNamespaceSelectors": [11, "any"],
    "settings.watchNamespaces": [0, "list<string>"],
    "settings.writeNamespace": [0, "string"],
};
/**
 * Keys that values.yaml sets \u2192 [[from, default], \u2026]: the default from version index `from` on; `[from]` means no
 * default from there (the key is absent or values.yaml does not set it). Includes gatewayProxies.gatewayProxy.*.
 */
const chart_schema_generated_CHART_DEFAULTS = {
    "accessLogger.enabled": [[0, false]],
    "accessLogger.fsGroup": [[0, 0], [2]],
    "accessLogger.image.extended": [[0, false], [2]],
    "accessLogger.image.repository": [[0, "access-logger"]],
    "accessLogger.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "accessLogger.port": [[0, 8083]],
    "accessLogger.replicas": [[0, 1]],
    "accessLogger.runAsUser": [[0, 10101]],
    "accessLogger.serviceName": [[0, "AccessLog"]],
    "accessLogger.stats.enabled": [[0, true]],
    "crds.create": [[0, false], [2]],
    "discovery.deployment.enablePodSecurityContext": [[2, true]],
    "discovery.deployment.floatingUserId": [[0, false], [2]],
    "discovery.deployment.fsGroup": [[0, 10101]],
    "discovery.deployment.goMemLimitPercent": [[14, 0]],
    "discovery.deployment.image.extended": [[0, false], [2]],
    "discovery.deployment.image.repository": [[0, "discovery"]],
    "discovery.deployment.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "discovery.deployment.replicas": [[0, 1]],
    "discovery.deployment.runAsUser": [[0, 10101]],
    "discovery.deployment.stats": [[2, {}]],
    "discovery.enabled": [[0, true], [14, false]],
    "discovery.fdsMode": [[0, "WHITELIST"]],
    "discovery.serviceAccount": [[2, {}]],
    "discovery.serviceAccount.disableAutomount": [[0, false], [2]],
    "gateway.GatewayService": [[2, null], [4]],
    "gateway.Service": [[4, null]],
    "gateway.certGenJob.cron.enabled": [[4, false]],
    "gateway.certGenJob.cron.schedule": [[4, "* * * * *"]],
    "gateway.certGenJob.enabled": [[0, true]],
    "gateway.certGenJob.floatingUserId": [[0, false], [2]],
    "gateway.certGenJob.forceRotation": [[8, true]],
    "gateway.certGenJob.image.extended": [[0, false], [2]],
    "gateway.certGenJob.image.repository": [[0, "certgen"]],
    "gateway.certGenJob.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gateway.certGenJob.restartPolicy": [[0, "OnFailure"]],
    "gateway.certGenJob.rotationDuration": [[9, "65s"]],
    "gateway.certGenJob.runAsUser": [[0, 10101]],
    "gateway.certGenJob.runOnUpdate": [[4, false]],
    "gateway.certGenJob.setTtlAfterFinished": [[0, true]],
    "gateway.certGenJob.tolerations": [[2, null], [4]],
    "gateway.certGenJob.ttlSecondsAfterFinished": [[0, 60]],
    "gateway.cleanupJob.enabled": [[5, true]],
    "gateway.cleanupJob.image.repository": [[5, "kubectl"]],
    "gateway.cleanupJob.image.tag": [[5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gateway.cleanupJob.restartPolicy": [[5, "OnFailure"]],
    "gateway.cleanupJob.runAsUser": [[5, 10101]],
    "gateway.cleanupJob.ttlSecondsAfterFinished": [[5, 60]],
    "gateway.deployment.floatingUserId": [[0, false], [2]],
    "gateway.deployment.image.extended": [[0, false], [2]],
    "gateway.deployment.image.repository": [[0, "gateway"], [6]],
    "gateway.deployment.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6]],
    "gateway.deployment.replicas": [[0, 1], [6]],
    "gateway.deployment.runAsUser": [[0, 10101], [6]],
    "gateway.enabled": [[0, true]],
    "gateway.isolateVirtualHostsBySslConfig": [[5, false]],
    "gateway.proxyServiceAccount": [[2, {}]],
    "gateway.proxyServiceAccount.disableAutomount": [[0, false], [2]],
    "gateway.readGatewaysFromAllNamespaces": [[0, false]],
    "gateway.rolloutJob.enabled": [[5, true]],
    "gateway.rolloutJob.image.repository": [[5, "kubectl"]],
    "gateway.rolloutJob.image.tag": [[5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gateway.rolloutJob.restartPolicy": [[5, "OnFailure"]],
    "gateway.rolloutJob.runAsUser": [[5, 10101]],
    "gateway.rolloutJob.timeout": [[7, 120]],
    "gateway.rolloutJob.ttlSecondsAfterFinished": [[5, 60], [7, 300]],
    "gateway.serviceAccount": [[2, {}], [6]],
    "gateway.serviceAccount.disableAutomount": [[0, false], [2]],
    "gateway.translateEmptyGateways": [[7, false]],
    "gateway.updateValues": [[0, false], [2]],
    "gateway.validation.allowWarnings": [[0, true]],
    "gateway.validation.alwaysAcceptResources": [[0, true]],
    "gateway.validation.disableTransformationValidation": [[0, false]],
    "gateway.validation.enabled": [[0, true]],
    "gateway.validation.failurePolicy": [[0, "Ignore"]],
    "gateway.validation.fullEnvoyValidation": [[12, false]],
    "gateway.validation.kubeCoreFailurePolicy": [[12, "Ignore"]],
    "gateway.validation.secretName": [[0, "gateway-validation-certs"]],
    "gateway.validation.serverEnabled": [[6, true]],
    "gateway.validation.validationServerGrpcMaxSizeBytes": [[0, 4000000], [6, 104857600]],
    "gateway.validation.warnMissingTlsSecret": [[9, false], [12, true]],
    "gateway.validation.warnRouteShortCircuiting": [[2, false]],
    "gateway.validation.webhook.disableHelmHook": [[0, false]],
    "gateway.validation.webhook.enablePolicyApi": [[11, true]],
    "gateway.validation.webhook.enabled": [[0, true]],
    "gateway.validation.webhook.skipDeleteValidationResources": [[11, ["namespaces"]], [12]],
    "gatewayProxies.gatewayProxy.antiAffinity": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.configMap": [[2, {}]],
    "gatewayProxies.gatewayProxy.configMap.data": [[0, null], [2]],
    "gatewayProxies.gatewayProxy.disableCoreDumps": [[6, false]],
    "gatewayProxies.gatewayProxy.disableExtauthSidecar": [[10, false]],
    "gatewayProxies.gatewayProxy.envoyApiVersion": [[0, "V3"]],
    "gatewayProxies.gatewayProxy.envoyBootstrapExtensions": [[0, null], [2]],
    "gatewayProxies.gatewayProxy.envoyOverloadManager": [[6, { "actions": [], "bufferFactoryConfig": null, "enabled": false, "refreshInterval": "1s", "resourceMonitors": [] }]],
    "gatewayProxies.gatewayProxy.envoyStaticClusters": [[0, null], [2]],
    "gatewayProxies.gatewayProxy.failover.enabled": [[0, false]],
    "gatewayProxies.gatewayProxy.failover.port": [[0, 15443]],
    "gatewayProxies.gatewayProxy.failover.secretName": [[0, "failover-downstream"]],
    "gatewayProxies.gatewayProxy.gatewaySettings.accessLoggingService": [[1, {}], [4]],
    "gatewayProxies.gatewayProxy.gatewaySettings.disableGeneratedGateways": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.gatewaySettings.enabled": [[4, true]],
    "gatewayProxies.gatewayProxy.gatewaySettings.options": [[0, {}], [4]],
    "gatewayProxies.gatewayProxy.gatewaySettings.useProxyProto": [[0, false]],
    "gatewayProxies.gatewayProxy.globalDownstreamMaxConnections": [[0, 250000]],
    "gatewayProxies.gatewayProxy.healthyPanicThreshold": [[0, 50]],
    "gatewayProxies.gatewayProxy.istioDiscoveryAddress": [[10, "istiod.istio-system.svc:15012"]],
    "gatewayProxies.gatewayProxy.kind.deployment.replicas": [[0, 1]],
    "gatewayProxies.gatewayProxy.loopBackAddress": [[0, "127.0.0.1"]],
    "gatewayProxies.gatewayProxy.podTemplate.customLivenessProbe": [[6, {}]],
    "gatewayProxies.gatewayProxy.podTemplate.customReadinessProbe": [[0, {}]],
    "gatewayProxies.gatewayProxy.podTemplate.disableNetBind": [[0, true]],
    "gatewayProxies.gatewayProxy.podTemplate.enablePodSecurityContext": [[2, true]],
    "gatewayProxies.gatewayProxy.podTemplate.floatingUserId": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.podTemplate.fsGroup": [[0, 10101]],
    "gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown.enabled": [[0, false]],
    "gatewayProxies.gatewayProxy.podTemplate.gracefulShutdown.sleepTimeSeconds": [[0, 25]],
    "gatewayProxies.gatewayProxy.podTemplate.httpPort": [[0, 8080]],
    "gatewayProxies.gatewayProxy.podTemplate.httpsPort": [[0, 8443]],
    "gatewayProxies.gatewayProxy.podTemplate.image.extended": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.podTemplate.image.repository": [[0, "gloo-envoy-wrapper"]],
    "gatewayProxies.gatewayProxy.podTemplate.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gatewayProxies.gatewayProxy.podTemplate.probes": [[0, false]],
    "gatewayProxies.gatewayProxy.podTemplate.runAsUser": [[0, 10101]],
    "gatewayProxies.gatewayProxy.podTemplate.runUnprivileged": [[0, true]],
    "gatewayProxies.gatewayProxy.podTemplate.terminationGracePeriodSeconds": [[0, 0], [2]],
    "gatewayProxies.gatewayProxy.podTemplate.tolerations": [[0, null], [4]],
    "gatewayProxies.gatewayProxy.readConfig": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.readConfigMulticluster": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.service.httpPort": [[0, 80]],
    "gatewayProxies.gatewayProxy.service.httpsFirst": [[0, false], [2]],
    "gatewayProxies.gatewayProxy.service.httpsPort": [[0, 443]],
    "gatewayProxies.gatewayProxy.service.type": [[0, "LoadBalancer"]],
    "gatewayProxies.gatewayProxy.tcpKeepaliveTimeSeconds": [[7, 60]],
    "global.extauthCustomYaml": [[1, true]],
    "global.extraSpecs": [[1, false], [2]],
    "global.glooMtls.enabled": [[0, false]],
    "global.glooMtls.envoy.image.extended": [[0, false], [2]],
    "global.glooMtls.envoy.image.repository": [[0, "gloo-envoy-wrapper"]],
    "global.glooMtls.envoy.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "global.glooMtls.istioProxy.image.registry": [[5, "docker.io/istio"]],
    "global.glooMtls.istioProxy.image.repository": [[5, "proxyv2"]],
    "global.glooMtls.istioProxy.image.tag": [[5, "1.9.5"], [6, "1.15.7"], [8, "1.17.1"], [9, "1.18.2"], [11, "1.22.0"]],
    "global.glooMtls.istioProxy.logLevel": [[10, "warning"]],
    "global.glooMtls.sds.image.extended": [[0, false], [2]],
    "global.glooMtls.sds.image.repository": [[0, "sds"]],
    "global.glooMtls.sds.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "global.glooMtls.sds.logLevel": [[10, "info"]],
    "global.glooMtls.sds.readinessProbe": [[12, { "failureThreshold": 3, "initialDelaySeconds": 3, "periodSeconds": 10, "tcpSocket": { "port": 8234 } }]],
    "global.glooRbac.create": [[0, true]],
    "global.glooRbac.nameSuffix": [[0, ""], [2]],
    "global.glooRbac.namespaced": [[0, false]],
    "global.glooStats.enableStatsRoute": [[4, false]],
    "global.glooStats.enabled": [[0, true]],
    "global.glooStats.routePrefixRewrite": [[0, "/stats/prometheus"]],
    "global.glooStats.setDatadogAnnotations": [[4, false]],
    "global.glooStats.statsPrefixRewrite": [[4, "/stats"]],
    "global.image.disableDigest": [[13, false]],
    "global.image.extended": [[0, false], [11]],
    "global.image.pullPolicy": [[0, "IfNotPresent"]],
    "global.image.registry": [[0, "quay.io/solo-io"]],
    "global.istioIntegration": [[1, {}], [2]],
    "global.istioIntegration.appendXForwardedHost": [[9, true]],
    "global.istioIntegration.disableAutoinjection": [[2, false]],
    "global.istioIntegration.enableAutoMtls": [[11, false]],
    "global.istioIntegration.enableIstioSidecarOnGateway": [[6, false]],
    "global.istioIntegration.enabled": [[11, false]],
    "global.istioIntegration.labelInstallNamespace": [[2, false]],
    "global.istioIntegration.whitelistDiscovery": [[2, false]],
    "global.istioSDS": [[0, {}], [2]],
    "global.istioSDS.enabled": [[2, false]],
    "global.securitySettings": [[11, {}]],
    "gloo.deployment.disableUsageStatistics": [[0, false], [2]],
    "gloo.deployment.floatingUserId": [[0, false], [2]],
    "gloo.deployment.goMemLimitPercent": [[14, 0]],
    "gloo.deployment.image.extended": [[0, false], [2]],
    "gloo.deployment.image.repository": [[0, "gloo"]],
    "gloo.deployment.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gloo.deployment.ossImageTag": [[6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "gloo.deployment.proxyDebugPort": [[6, 9966]],
    "gloo.deployment.replicas": [[0, 1]],
    "gloo.deployment.restXdsPort": [[0, 9976]],
    "gloo.deployment.runAsUser": [[0, 10101]],
    "gloo.deployment.validationPort": [[0, 9988]],
    "gloo.deployment.xdsPort": [[0, 9977]],
    "gloo.serviceAccount": [[2, {}]],
    "gloo.serviceAccount.disableAutomount": [[0, false], [2]],
    "ingress.customIngressClass": [[0, null], [2]],
    "ingress.deployment.floatingUserId": [[0, false], [2]],
    "ingress.deployment.image.extended": [[0, false], [2]],
    "ingress.deployment.image.repository": [[0, "ingress"]],
    "ingress.deployment.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "ingress.deployment.replicas": [[0, 1]],
    "ingress.deployment.runAsUser": [[0, 10101]],
    "ingress.enabled": [[0, false]],
    "ingress.requireIngressClass": [[0, null], [2]],
    "ingressProxy.configMap": [[0, {}]],
    "ingressProxy.deployment.floatingUserId": [[0, false], [2]],
    "ingressProxy.deployment.httpPort": [[0, 8080]],
    "ingressProxy.deployment.httpsPort": [[0, 8443]],
    "ingressProxy.deployment.image.extended": [[0, false], [2]],
    "ingressProxy.deployment.image.repository": [[0, "gloo-envoy-wrapper"]],
    "ingressProxy.deployment.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "ingressProxy.deployment.replicas": [[0, 1]],
    "ingressProxy.deployment.runAsUser": [[0, 0], [2], [11, 10101]],
    "ingressProxy.label": [[0, "ingress-proxy"]],
    "ingressProxy.loopBackAddress": [[0, "127.0.0.1"]],
    "ingressProxy.service.httpPort": [[0, 80]],
    "ingressProxy.service.httpsPort": [[0, 443]],
    "ingressProxy.service.type": [[0, "LoadBalancer"]],
    "k8s.clusterName": [[0, "cluster.local"]],
    "kubeGateway.enabled": [[11, false]],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.enabled": [[12, false]],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.pullPolicy": [[12, "IfNotPresent"]],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.registry": [[12, "quay.io/solo-io"]],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.repository": [[12, "gloo-ai-extension"]],
    "kubeGateway.gatewayParameters.glooGateway.aiExtension.image.tag": [[12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.repository": [[11, "gloo-envoy-wrapper"]],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.image.tag": [[11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "kubeGateway.gatewayParameters.glooGateway.envoyContainer.securityContext": [[11, { "allowPrivilegeEscalation": false, "capabilities": { "add": ["NET_BIND_SERVICE"], "drop": ["ALL"] }, "readOnlyRootFilesystem": true, "runAsNonRoot": true, "runAsUser": 10101 }]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.registry": [[11, "docker.io/istio"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.repository": [[11, "proxyv2"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.image.tag": [[11, "1.22.0"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioDiscoveryAddress": [[11, "istiod.istio-system.svc:15012"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioMetaClusterId": [[11, "Kubernetes"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.istioMetaMeshId": [[11, "cluster.local"]],
    "kubeGateway.gatewayParameters.glooGateway.istio.istioProxyContainer.logLevel": [[11, "warning"]],
    "kubeGateway.gatewayParameters.glooGateway.proxyDeployment.replicas": [[11, 1], [14]],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.repository": [[11, "sds"]],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.image.tag": [[11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "kubeGateway.gatewayParameters.glooGateway.sdsContainer.logLevel": [[11, "info"]],
    "kubeGateway.gatewayParameters.glooGateway.service.type": [[11, "LoadBalancer"]],
    "kubeGateway.gatewayParameters.glooGateway.stats.enableStatsRoute": [[11, true]],
    "kubeGateway.gatewayParameters.glooGateway.stats.enabled": [[11, true]],
    "kubeGateway.gatewayParameters.glooGateway.stats.routePrefixRewrite": [[11, "/stats/prometheus"]],
    "kubeGateway.gatewayParameters.glooGateway.stats.statsRoutePrefixRewrite": [[11, "/stats"]],
    "kubeGateway.portal.enabled": [[12, false]],
    "namespace.create": [[0, false]],
    "settings.aws": [[2, {}]],
    "settings.aws.enableCredentialsDiscovery": [[0, false], [2]],
    "settings.aws.enableServiceAccountCredentials": [[0, false], [2]],
    "settings.aws.stsCredentialsRegion": [[0, ""], [2]],
    "settings.circuitBreakers": [[5, {}]],
    "settings.create": [[0, true]],
    "settings.disableKubernetesDestinations": [[0, false]],
    "settings.disableProxyGarbageCollection": [[0, false]],
    "settings.enableAutoWebsocketTransformationPassthrough": [[14, false]],
    "settings.enableRestEds": [[0, true], [2, false]],
    "settings.integrations.consul": [[0, null], [4]],
    "settings.integrations.consulUpstreamDiscovery": [[0, null], [4]],
    "settings.integrations.knative.enabled": [[0, false]],
    "settings.integrations.knative.proxy.httpPort": [[0, 8080]],
    "settings.integrations.knative.proxy.httpsPort": [[0, 8443]],
    "settings.integrations.knative.proxy.image.extended": [[0, false], [2]],
    "settings.integrations.knative.proxy.image.repository": [[0, "gloo-envoy-wrapper"]],
    "settings.integrations.knative.proxy.image.tag": [[0, "1.6.38"], [1, "1.7.23"], [2, "1.8.37"], [3, "1.9.30"], [4, "1.10.47"], [5, "1.11.59"], [6, "1.12.59"], [7, "1.13.39"], [8, "1.14.32"], [9, "1.15.36"], [10, "1.16.27"], [11, "1.17.38"], [12, "1.18.41"], [13, "1.19.20"], [14, "1.20.22"], [15, "1.21.13"], [16, "1.22.1"]],
    "settings.integrations.knative.proxy.loopBackAddress": [[0, "127.0.0.1"]],
    "settings.integrations.knative.proxy.replicas": [[0, 1]],
    "settings.integrations.knative.proxy.runAsUser": [[11, 10101]],
    "settings.integrations.knative.proxy.service.httpPort": [[0, 80]],
    "settings.integrations.knative.proxy.service.httpsPort": [[0, 443]],
    "settings.integrations.knative.proxy.service.type": [[0, "LoadBalancer"]],
    "settings.integrations.knative.requireIngressClass": [[0, null], [2]],
    "settings.integrations.knative.version": [[0, "0.10.0"]],
    "settings.invalidConfigPolicy.invalidRouteResponseBody": [[0, "Gloo Gateway has invalid configuration. Administrators should run `glooctl check` to find and fix config errors."]],
    "settings.invalidConfigPolicy.invalidRouteResponseCode": [[0, 404]],
    "settings.invalidConfigPolicy.replaceInvalidRoutes": [[2, false]],
    "settings.ipV4Only": [[14, false]],
    "settings.linkerd": [[0, false]],
    "settings.regexMaxProgramSize": [[0, 0], [2], [9, 1024]],
    "settings.secretOptions": [[9, {}]],
    "settings.singleNamespace": [[0, false], [2]],
};

;// CONCATENATED MODULE: ./src/gloo/chart.ts
/**
 * The one place rules ask chart questions: which values keys the gloo chart reads at a version, their types and
 * defaults, and "did you mean" for a near miss. Answers come from the generated schema (chart-data, the newest
 * patch of each minor 1.6 \u2026 1.22; docs/chart-schema.md) plus the template-only keys below.
 */

/**
 * Keys the templates read although values.go lacks them, so the data cannot list them; chart-data/README.md,
 * "Known gaps": `settings.replaceInvalidRoutes` is a legacy alias the settings template reads;
 * `gloo.deployment.serviceAccount` (all versions) and `global.AddEnterpriseSettings` (1.7+) are in
 * values-template.yaml but dropped by the generator. `since` is the first covered minor that reads the key.
 */
const TEMPLATE_ONLY_KEYS = [
    { path: 'gloo.deployment.serviceAccount', type: 'any', since: '1.6' },
    { path: 'global.AddEnterpriseSettings', type: 'bool', since: '1.7' },
    { path: 'settings.replaceInvalidRoutes', type: 'bool', since: '1.6' }
];
/** The covered chart versions, oldest first (`1.6.38` \u2026 `1.22.1`). */
const COVERED_VERSIONS = chart_schema_generated_CHART_VERSIONS.map(([v]) => v);
const COVERED = COVERED_VERSIONS.map((v) => {
    const [major, minor, patch] = v.split('.').map(Number);
    return { major, minor, patch };
});
const NEWEST = COVERED.length - 1;
const minorOrder = (a, b) => a.major !== b.major ? a.major - b.major : a.minor - b.minor;
/** Which covered data version applies to `version`: the same minor, else the nearest (see `fallback`). */
function coveredMinorFor(version) {
    const at = (index, fallback) => {
        const c = COVERED[index];
        const exact = !fallback && !!version && !version.pre && version.major === c.major && version.minor === c.minor && version.patch === c.patch;
        const covered = { index, version: COVERED_VERSIONS[index], exact };
        if (fallback)
            covered.fallback = fallback;
        return covered;
    };
    if (!version)
        return at(NEWEST, 'unknown');
    if (minorOrder(version, COVERED[0]) < 0)
        return at(0, 'below');
    if (minorOrder(version, COVERED[NEWEST]) > 0)
        return at(NEWEST, 'above');
    let index = 0;
    while (index < NEWEST && minorOrder(COVERED[index + 1], version) <= 0)
        index++;
    return at(index, minorOrder(COVERED[index], version) === 0 ? undefined : 'uncovered');
}
const SINCE_INDEX = (since) => {
    const [major, minor] = since.split('.').map(Number);
    const i = COVERED.findIndex((c) => minorOrder(c, { major, minor }) >= 0);
    return i < 0 ? COVERED.length : i;
};
let keyTable;
let childTable;
let defaultTable;
const gapTable = new Map(TEMPLATE_ONLY_KEYS.map((g) => [g.path, { type: g.type, from: SINCE_INDEX(g.since) }]));
function keys() {
    return (keyTable ??= new Map(Object.entries(CHART_KEYS)));
}
function chart_defaults() {
    return (defaultTable ??= new Map(Object.entries(CHART_DEFAULTS)));
}
/** Parent key \u2192 the child segments any version has (`*` and `[]` included). The root is ''. */
function children() {
    if (childTable)
        return childTable;
    childTable = new Map();
    for (const key of [...keys().keys(), ...gapTable.keys()]) {
        const [parent, child] = key.endsWith('[]')
            ? [key.slice(0, -2), '[]']
            : key.lastIndexOf('.') < 0
                ? ['', key]
                : [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
        const list = childTable.get(parent) ?? [];
        if (!list.includes(child))
            list.push(child);
        childTable.set(parent, list);
    }
    return childTable;
}
/** The type of a normalised key at covered version index `vi`, or undefined when that version lacks it. */
function typeAt(key, vi) {
    let row = typeCache.get(key);
    if (!row) {
        // A key no version has (a typo, another chart's key) gets no row: a values file may hold thousands.
        if (!keys().has(key) && !gapTable.has(key))
            return undefined;
        typeCache.set(key, (row = new Array(COVERED_VERSIONS.length)));
    }
    let t = row[vi];
    if (t === undefined)
        row[vi] = t = computeTypeAt(key, vi) ?? null;
    return t ?? undefined;
}
/** Normalised key \u2192 type per covered version (null: absent there); the schema's keys are finite. */
const typeCache = new Map();
function computeTypeAt(key, vi) {
    const changes = keys().get(key);
    if (changes) {
        let state = '';
        for (let i = 0; i < changes.length && changes[i] <= vi; i += 2)
            state = changes[i + 1];
        if (!state)
            return undefined;
        const m = /^([^<]+)(?:<(.+)>)?$/.exec(state);
        return m[2] ? { type: m[1], items: m[2] } : { type: m[1] };
    }
    const gap = gapTable.get(key);
    return gap && vi >= gap.from ? { type: gap.type, gap: true } : undefined;
}
/**
 * Objects the data lists by their struct fields that the templates render whole with `toYaml`: values.go types
 * every `\u2026resources.limits`/`.requests` as gloo's ResourceAllocation (`cpu`, `memory`), but any Kubernetes resource
 * name (`ephemeral-storage`, `nvidia.com/gpu`) reaches the container as written. `resources` itself stays closed,
 * so a typo such as `resources.limit` is still caught.
 */
const RENDERED_WHOLE = /(^|\.)resources\.(limits|requests)$/;
function isFree(t, key) {
    if (t.type === 'any' || t.type.startsWith('k8s:') || t.type.startsWith('ext:'))
        return true;
    if (t.type === 'object')
        return RENDERED_WHOLE.test(key);
    return (t.type === 'map' || t.type === 'list') && t.items !== 'object';
}
const INDEX = /^(\d+|\[\d*\])$/;
/** A key as the data could list it: a YAML key `deployment.replicas` or `configMaps[]` is not a path. */
const NAME = /^[^.[\]*]+$/;
/** Walks `path` down the schema at version index `vi`: proxy names become `*`, list indexes `[]`. */
function chart_resolve(path, vi) {
    let key = '';
    let type = { type: 'object' };
    for (const seg of path) {
        let next;
        // Below a map of objects any entry name stands for `*` (gatewayProxies: the proxy name); below a list of
        // objects only an index is an element.
        if (type.type === 'map' && type.items === 'object')
            next = `${key}.*`;
        else if (type.type === 'list' && type.items === 'object')
            next = INDEX.test(seg) ? `${key}[]` : undefined;
        else if (NAME.test(seg))
            next = key ? `${key}.${seg}` : seg;
        const t = next === undefined ? undefined : typeAt(next, vi);
        // A listed child wins even below a free-form key: a k8s: type can carry gloo's own fields (mergePolicy).
        if (!t)
            return isFree(type, key) ? { parentFree: true } : undefined;
        key = next;
        type = t;
    }
    return { key, type };
}
function infoOf(r) {
    if (!r)
        return { known: false };
    if ('parentFree' in r)
        return { known: false, parentFree: true };
    const info = { known: true, type: r.type.type };
    if (r.type.items)
        info.items = r.type.items;
    if (isFree(r.type, r.key))
        info.free = true;
    if (r.type.gap)
        info.gap = true;
    return info;
}
/**
 * What the chart of `version` knows of a values path (segments as written: a proxy's own name, list indexes as
 * `0` or `[0]`).
 */
function keyInfo(path, version) {
    return infoOf(chart_resolve(path, coveredMinorFor(version).index));
}
/** True when the chart accepts the key: known, or below a free-form key. */
function isAccepted(info) {
    return info.known || !!info.parentFree;
}
/**
 * The oldest covered version whose chart accepts `path`, e.g. `1.12.59`: the first *covered* version, not the release
 * that added the key (catalog \u00a74.3 has those).
 */
function firstVersionWithKey(path) {
    const i = COVERED_VERSIONS.findIndex((_, vi) => isAccepted(infoOf(chart_resolve(path, vi))));
    return i < 0 ? undefined : COVERED_VERSIONS[i];
}
/** The newest covered version whose chart accepts `path`. */
function lastVersionWithKey(path) {
    for (let vi = NEWEST; vi >= 0; vi--)
        if (isAccepted(infoOf(chart_resolve(path, vi))))
            return COVERED_VERSIONS[vi];
    return undefined;
}
function defaultAt(key, vi) {
    const changes = chart_defaults().get(key);
    if (!changes)
        return undefined;
    let found;
    for (const c of changes)
        if (c[0] <= vi)
            found = c;
    return found && found.length > 1 ? { value: found[1] } : undefined;
}
/** `value` with its objects and lists copied, so callers cannot change the schema. */
const copy = (value) => (value !== null && typeof value === 'object' ? structuredClone(value) : value);
/**
 * The chart's default for `path` at `version`, as values.yaml ships it: undefined when values.yaml does not set
 * it, `null` for an explicit null. An object the data describes through its children is assembled from them. A
 * custom proxy (`gatewayProxies.<name>`) gets `gatewayProxies.gatewayProxy`'s values from 1.7 on, when the templates
 * deep-merge each entry over it, and none in 1.6 (the data's `notes`); values the user puts under
 * `gatewayProxies.gatewayProxy` are the install's business, not this function's.
 */
function chartDefault(path, version) {
    const vi = coveredMinorFor(version).index;
    if (!isAccepted(infoOf(chart_resolve(path, vi))))
        return undefined;
    const segs = [...path];
    if (segs[0] === 'gatewayProxies' && segs.length > 1 && segs[1] !== 'gatewayProxy') {
        if (!CHART_VERSIONS[vi][2])
            return undefined;
        segs[1] = 'gatewayProxy';
    }
    // The key's own default, or an ancestor's whole value (a map, list, any or k8s: key) looked into.
    for (let n = segs.length; n > 0; n--) {
        const own = defaultAt(segs.slice(0, n).join('.'), vi);
        if (!own)
            continue;
        let value = own.value;
        for (const seg of segs.slice(n)) {
            const index = /^\[?(\d+)\]?$/.exec(seg);
            if (Array.isArray(value) && index)
                value = value[Number(index[1])];
            else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, seg))
                value = value[seg];
            else
                return undefined;
        }
        return copy(value);
    }
    // An object without a default of its own: its children's defaults make up its value.
    const prefix = segs.length ? `${segs.join('.')}.` : '';
    let tree;
    for (const key of chart_defaults().keys()) {
        if (!key.startsWith(prefix))
            continue;
        const own = defaultAt(key, vi);
        if (!own)
            continue;
        tree ??= {};
        const rest = key.slice(prefix.length).split('.');
        let node = tree;
        for (const seg of rest.slice(0, -1))
            node = (node[seg] ??= {});
        node[rest[rest.length - 1]] = copy(own.value);
    }
    return tree;
}
/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, no substring edited twice). */
function editDistance(a, b) {
    // No alignment needs more edits than the longer string has characters: a band that wide is the whole table.
    return distanceWithin(a, b, Math.max(a.length, b.length));
}
/** Keys this short get no edit-distance suggestions: two edits turn `tag` into almost anything. */
const MIN_FUZZY_LENGTH = 5;
const MAX_DISTANCE = 2;
/**
 * How near a typed key is to a chart key, both in lower case: 0 the same but for case, 1 a trailing `s` added or
 * missing, 2 + edit distance; else undefined.
 */
function nearness(a, b) {
    if (a === b)
        return 0;
    if (a + 's' === b || a === b + 's')
        return 1;
    if (a.length < MIN_FUZZY_LENGTH || b.length < MIN_FUZZY_LENGTH)
        return undefined;
    const d = distanceWithin(a, b, MAX_DISTANCE);
    return d <= MAX_DISTANCE ? 2 + d : undefined;
}
/**
 * `editDistance(a, b)` when it is at most `max`, else `max + 1`. "Did you mean" compares an unknown key with every
 * key of its level, and almost none are near: only the cells of the table within `max` of its diagonal are worked
 * out (a cell further off needs more than `max` edits), in rows reused from call to call, and the walk gives up once
 * a whole row exceeds `max` (every alignment then needs more edits). `editDistance` is this with a bound no
 * alignment reaches.
 */
function distanceWithin(a, b, max) {
    if (Math.abs(a.length - b.length) > max)
        return max + 1;
    const n = b.length;
    const over = max + 1;
    if (rows[0].length < n + 2)
        rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
    // Rows i - 2, i - 1 and i of the table; a cell outside the band holds `over` where a later row reads it.
    let [before, prev, row] = rows;
    for (let j = 0; j <= n; j++)
        prev[j] = j <= max ? j : over;
    for (let i = 1; i <= a.length; i++) {
        const lo = Math.max(1, i - max);
        const hi = Math.min(n, i + max);
        row[0] = Math.min(i, over);
        row[lo - 1] = lo > 1 ? over : row[0];
        let least = lo > 1 ? over : row[0];
        for (let j = lo; j <= hi; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
                d = Math.min(d, before[j - 2] + 1);
            if (d > over)
                d = over;
            row[j] = d;
            if (d < least)
                least = d;
        }
        if (hi < n)
            row[hi + 1] = over;
        // Every later cell comes from this row plus an edit, or from the row before plus a transposition; that row's
        // cells are at least this row's less one, so no later cell can come back to max.
        if (least > max)
            return over;
        [before, prev, row] = [prev, row, before];
    }
    return Math.min(prev[n], over);
}
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
/**
 * The keys the chart of covered version `vi` accepts below `parent` (a normalised key), with their lower case: the
 * candidates of a "did you mean", worked out once per level and version (a values file may hold thousands of
 * unknown keys at one level).
 */
function candidatesAt(parent, vi) {
    let byVersion = candidateCache.get(parent);
    if (!byVersion)
        candidateCache.set(parent, (byVersion = []));
    let list = byVersion[vi];
    if (!list)
        byVersion[vi] = list = (children().get(parent) ?? [])
            .filter((key) => key !== '*' && key !== '[]' && typeAt(parent ? `${parent}.${key}` : key, vi))
            .map((key) => ({ key, lower: key.toLowerCase() }));
    return list;
}
const candidateCache = new Map();
/**
 * "Did you mean": for the first segment of `path` that the chart of `version` does not accept, the nearest of the
 * keys it does accept at that level. Undefined when the path is accepted, nothing is near, or two keys are equally
 * near.
 */
function suggestKey(path, version) {
    return suggestKeyAt(path, coveredMinorFor(version).index);
}
/**
 * `suggestKey` for the covered version of index `vi` (a rule asking for each version it checks). `ranks`, shared by
 * the calls for one path, remembers how near each typed key is to each chart key (by their lower case; -1: not
 * near): the versions' keys at a level are mostly the same, and a file of unknown version asks all seventeen.
 */
function suggestKeyAt(path, vi, ranks) {
    let index = 0;
    while (index < path.length && isAccepted(infoOf(chart_resolve(path.slice(0, index + 1), vi))))
        index++;
    if (index === path.length)
        return undefined;
    const parent = index === 0 ? { key: '', type: { type: 'object' } } : chart_resolve(path.slice(0, index), vi);
    if (!parent || 'parentFree' in parent)
        return undefined;
    let best;
    let tie = false;
    const typed = path[index].toLowerCase();
    let known = ranks?.get(typed);
    if (ranks && !known)
        ranks.set(typed, (known = new Map()));
    for (const { key, lower } of candidatesAt(parent.key, vi)) {
        // More edits than allowed are needed when the lengths differ by more (nearness would say undefined).
        if (Math.abs(lower.length - typed.length) > MAX_DISTANCE)
            continue;
        let rank = known?.get(lower);
        if (rank === undefined) {
            rank = nearness(typed, lower) ?? -1;
            known?.set(lower, rank);
        }
        if (rank < 0)
            continue;
        if (!best || rank < best.rank) {
            best = { key, rank };
            tie = false;
        }
        else if (rank === best.rank)
            tie = true;
    }
    if (!best || tie)
        return undefined;
    const fixed = [...path];
    fixed[index] = best.key;
    return { index, key: best.key, path: fixed };
}

;// CONCATENATED MODULE: ./src/gloo/chart-keys.ts




const ANY = '*';
const PICK = '<proxy>';
// The catalog's "known in the wild" list (section 2, Hygiene).
const KNOWN = [
    { from: ['gatewayProxies', ANY, 'deployment', 'replicas'], to: ['gatewayProxies', ANY, 'kind', 'deployment', 'replicas'] },
    { from: ['gatewayProxies', ANY, 'gracefulShutdown'], to: ['gatewayProxies', ANY, 'podTemplate', 'gracefulShutdown'] },
    { from: ['gatewayProxies', ANY, 'terminationGracePeriodSeconds'], to: ['gatewayProxies', ANY, 'podTemplate', 'terminationGracePeriodSeconds'] },
    { from: ['gatewayProxies', ANY, 'disableGeneratedGateways'], to: ['gatewayProxies', ANY, 'gatewaySettings', 'disableGeneratedGateways'] },
    { from: ['gatewayProxies', ANY, 'logLevel'], to: ['gatewayProxies', ANY, 'envoyLogLevel'] },
    { from: ['settings', 'disableTransformationValidation'], to: ['gateway', 'validation', 'disableTransformationValidation'] },
    { from: ['settings', 'accessLoggingService'], to: ['gatewayProxies', PICK, 'gatewaySettings', 'accessLoggingService'] },
    { from: ['settings', 'gloo', 'disableKubernetesDestinations'], to: ['settings', 'disableKubernetesDestinations'] }
];
// ---------------------------------------------------------------------------------------------------------
// Every key against the chart data (docs/chart-schema.md)
/** The covered chart versions as versions, oldest first: `keyInfo(path, COVERED[i])` answers with data version i. */
const chart_keys_COVERED = COVERED_VERSIONS.map((v) => parseVersion(v));
const ALL = chart_keys_COVERED.map((_, i) => i);
/**
 * Keys the templates read although the chart data lacks them, beyond chart.ts TEMPLATE_ONLY_KEYS: every
 * `.Values.\u2026`, `$spec.\u2026`, `$global.\u2026` and `$gatewayProxy.\u2026` path of install/helm/gloo/templates at each covered tag
 * that `keyInfo` rejects there (template comments left out). `from`/`until` are the covered minors whose templates
 * read the key; the key and anything below it count as accepted there, and so do its ancestors.
 */
const TEMPLATE_READ = [
    // 1-gloo-deployment.yaml env GLOO_LICENSE_KEY (1.22.1 T1:212); gloo-ee ships `gloo.license_secret_name: license`.
    { path: 'license_secret_name', from: '1.10' },
    // values.go types the proxy's `logLevel` until 1.13, but the template reads `envoyLogLevel` (1.13.39 T7:168).
    { path: 'gatewayProxies.*.envoyLogLevel', from: '1.7' },
    { path: 'accessLogger.floatingUserId', from: '1.6' },
    { path: 'gateway.upgrade', from: '1.6' },
    { path: 'gateway.service.kubeResourceOverride', from: '1.8', until: '1.11' },
    { path: 'ingressProxy.deployment.stats', from: '1.6' },
    { path: 'settings.integrations.knative.proxy.stats', from: '1.6' },
    // Read by the 1.8 and 1.9 templates; the structs have them from 1.10.
    { path: 'accessLogger.deployment.kubeResourceOverride', from: '1.8' },
    { path: 'accessLogger.extraAccessLoggerAnnotations', from: '1.8' },
    { path: 'discovery.deployment.extraDiscoveryAnnotations', from: '1.8' },
    { path: 'gateway.deployment.extraGatewayAnnotations', from: '1.8', until: '1.9' },
    { path: 'gloo.deployment.extraGlooAnnotations', from: '1.8' },
    { path: 'ingress.deployment.extraIngressAnnotations', from: '1.8' },
    { path: 'settings.integrations.knative.extraKnativeExternalAnnotations', from: '1.8' },
    { path: 'settings.integrations.knative.extraKnativeInternalAnnotations', from: '1.8' },
    { path: 'settings.integrations.knative.proxy.deployment.kubeResourceOverride', from: '1.8' },
    { path: 'settings.integrations.knative.proxy.extraClusterIngressProxyAnnotations', from: '1.8' },
    // gloo-ee's own keys under `gloo.` (gloo-ee 1.17.0, stevenctl/service-mesh-for-less-blog@ed1a694:gloo-ee): its
    // templates read `.Values.gloo.license_secret_name` and `.Values.gloo.deployment.xdsPort` (_helpers.tpl:55, 134),
    // and its values.yaml ships a `gloo.redis` block no template reads (the Redis templates read root `redis`):
    // like its dead root `settings` (catalog, values-unknown-key row), a shipped default is not reported.
    { path: 'license_secret_name', from: '1.6', chart: 'gloo-ee' },
    { path: 'deployment.xdsPort', from: '1.6', chart: 'gloo-ee' },
    { path: 'redis', from: '1.6', chart: 'gloo-ee' }
];
const minorIndex = (minor) => coveredMinorFor(parseVersion(minor)).index;
const TEMPLATE_READ_AT = TEMPLATE_READ.map((g) => ({
    segs: g.path.split('.'),
    from: minorIndex(g.from),
    until: g.until ? minorIndex(g.until) : chart_keys_COVERED.length - 1,
    chart: g.chart
}));
/** `free`: `path` is a TEMPLATE_READ key read at `vi`, or below one; `ancestor`: one lies below `path`. */
function templateRead(path, vi, chart) {
    let found;
    for (const g of TEMPLATE_READ_AT) {
        if (vi < g.from || vi > g.until || (g.chart && g.chart !== chart))
            continue;
        const n = Math.min(path.length, g.segs.length);
        let same = true;
        for (let i = 0; i < n && same; i++)
            same = g.segs[i] === '*' ? path[0] === 'gatewayProxies' && i === 1 : g.segs[i] === path[i];
        if (!same)
            continue;
        if (path.length >= g.segs.length)
            return 'free';
        found = 'ancestor';
    }
    return found;
}
const READ = 1;
const FREE = 2;
const COMPUTED = 4;
/** One tree of verdicts per chart, walked as the values are: a key costs one map lookup once seen. */
const verdictTrees = new Map();
let verdictCount = 0;
const VERDICT_CACHE_MAX = 200_000;
/** The verdict bits of a key at covered version `vi`, worked out on first use. */
function verdictAt(at, vi) {
    let b = at.bits[vi];
    if (!(b & COMPUTED)) {
        const info = keyInfo(at.path, chart_keys_COVERED[vi]);
        const read = templateRead(at.path, vi, at.chart);
        b = COMPUTED;
        if (isAccepted(info) || read)
            b |= READ;
        if (read === 'free' || (!info.known && info.parentFree))
            b |= FREE;
        at.bits[vi] = b;
    }
    return b;
}
/** The verdicts of the root of `chart`'s values (the walk starts there). */
function verdictRoot(chart) {
    if (verdictCount >= VERDICT_CACHE_MAX) {
        verdictTrees.clear();
        verdictCount = 0;
    }
    let root = verdictTrees.get(chart);
    if (!root)
        verdictTrees.set(chart, (root = { bits: new Uint8Array(chart_keys_COVERED.length).fill(COMPUTED | READ), path: [], chart, below: new Map() }));
    return root;
}
/** The verdicts of `path` (whose last segment is new below `parent`, the verdicts of the path without it). */
function childVerdicts(parent, path, chart) {
    // A proxy's own name stands for any proxy, in the schema and in TEMPLATE_READ alike: one entry for them all.
    const seg = path.length === 2 && path[0] === 'gatewayProxies' ? '*' : path[path.length - 1];
    let child = parent.below.get(seg);
    if (!child) {
        parent.below.set(seg, (child = { bits: new Uint8Array(chart_keys_COVERED.length), path: [...path], chart, below: new Map() }));
        verdictCount++;
    }
    return child;
}
/**
 * The versions among `versions` whose chart reads the key: `versions` itself when all do (most keys; no copy),
 * else a new list.
 */
function readBy(at, versions) {
    for (let i = 0; i < versions.length; i++)
        if (!(verdictAt(at, versions[i]) & READ))
            return versions.filter((vi) => (verdictAt(at, vi) & READ) !== 0);
    return versions;
}
/** A key the data accepts only because it lies below a free-form value: nothing below it is checked. */
function freeBelow(at, versions) {
    for (let i = 0; i < versions.length; i++)
        if (!(verdictAt(at, versions[i]) & FREE))
            return false;
    return true;
}
/** Whether `path` is a known misplacement (`exact`), or an ancestor of one (`prefix`). */
function knownMatch(path) {
    let prefix = false;
    for (const m of KNOWN) {
        if (path.length > m.from.length || !path.every((s, i) => m.from[i] === ANY || m.from[i] === s))
            continue;
        if (path.length === m.from.length)
            return 'exact';
        prefix = true;
    }
    return prefix ? 'prefix' : undefined;
}
/** A `--set` name segment `extraContainers[0]` is the key `extraContainers` and the list index `0`. */
function segmentsOf(raw) {
    const m = /^([^[\]]+)((?:\[\d+\])+)$/.exec(raw);
    if (!m)
        return [{ seg: raw, index: false }];
    return [{ seg: m[1], index: false }, ...[...m[2].matchAll(/\d+/g)].map((d) => ({ seg: d[0], index: true }))];
}
/** `gatewayProxies.publicGw.podTemplate.extraContainers[0].name`, after the install's prefix (`index`: a list index). */
function printPath(v, segs, index) {
    let out = v.prefix;
    for (let i = 0; i < segs.length; i++)
        out += index[i] ? `[${segs[i]}]` : i ? `.${segs[i]}` : segs[i];
    return out;
}
/** The walk of each effective values, per `watch` (both rules walk the same values). */
const walks = memoKind('key walks');
/**
 * Judges every key of every layer under the chart's OSS root (`layer.ossPath`; for gloo-ee the `gloo.` part
 * only: the gloo-ee chart's own keys are not in the data) against the covered versions, and returns the first
 * segment of each path that the chart does not read. Keys below a free-form value (`isAccepted`), the known
 * misplacements (the rule's own messages cover them) and list items where the chart wants no list (a type
 * problem, not a key) are never returned; an alias is not followed (its anchor is judged where it stands). With
 * an unknown version every covered version counts, so nothing is `otherVersion` then. Worked out once per
 * values and `watch`.
 */
function chartKeyVerdicts(v, watch) {
    const byWatch = memo(v, walks, (newMap));
    let out = byWatch.get(watch ?? null);
    if (!out)
        byWatch.set(watch ?? null, (out = walkKeys(v, watch)));
    return out;
}
function walkKeys(v, watch) {
    const out = [];
    const initial = v.chartVersion ? [coveredMinorFor(v.chartVersion).index] : ALL;
    // The path being walked: the strings `keyInfo` takes, and which of them are list indexes (pushed and popped).
    const segs = [];
    const indexes = [];
    /** What a verdict on the key being judged (the end of `path`) says besides its kind. */
    const found = (layer, pair, map, whole) => ({
        layer,
        pair,
        map,
        path: [...segs],
        key: printPath(v, segs, indexes),
        whole
    });
    // `mine`: `checked` still stands for the install's version (not for the versions of an ancestor only they read).
    const visit = (layer, node, at, checked, mine) => {
        if (node.kind === 'map') {
            for (const pair of mapEntries(node))
                judge(layer, node, pair, at, checked, mine);
        }
        else if (node.kind === 'seq') {
            for (let i = 0; i < node.items.length; i++) {
                const item = node.items[i];
                segs.push(String(i));
                indexes.push(true);
                const below = childVerdicts(at, segs, v.chart);
                const read = readBy(below, checked);
                if (read.length && item.kind !== 'alias' && !freeBelow(below, read))
                    visit(layer, item, below, read, mine);
                segs.pop();
                indexes.pop();
            }
        }
    };
    const judge = (layer, map, pair, parentVerdicts, checked, mine) => {
        const depth = segs.length;
        const raw = keyOf(pair);
        // A `--set` name may be several segments (`extraContainers[0]`); any other key is one, split without a list.
        const pieces = layer.synthetic ? segmentsOf(raw) : undefined;
        const count = pieces ? pieces.length : 1;
        let versions = checked;
        let own = mine;
        // The verdicts of the last segment judged (of `segs`).
        let at = parentVerdicts;
        let descend = true;
        for (let k = 0; k < count; k++) {
            segs.push(pieces ? pieces[k].seg : raw);
            indexes.push(pieces ? pieces[k].index : false);
            at = childVerdicts(at, segs, v.chart);
            const read = readBy(at, versions);
            if (read.length) {
                if (watch && own && watch(segs))
                    out.push({ ...found(layer, pair, map, count === 1), kind: 'watched', checked: versions, own });
                versions = read;
                continue;
            }
            const known = knownMatch(segs);
            if (known === 'exact') {
                descend = false;
                break;
            }
            if (known === 'prefix')
                continue;
            const others = readBy(at, ALL);
            if (!others.length) {
                out.push({ ...found(layer, pair, map, count === 1), kind: 'unknown', checked: versions, own });
                descend = false;
                break;
            }
            // Only other versions read it (values-key-unsupported-version); below it, check against those versions.
            out.push({ ...found(layer, pair, map, count === 1), kind: 'otherVersion', checked: versions, own, readBy: others });
            versions = others;
            own = false;
        }
        const value = pair.value;
        if (descend && value.kind !== 'alias' && (value.kind === 'map' || value.kind === 'seq') && !freeBelow(at, versions))
            visit(layer, value, at, versions, own);
        // Popped, not cut by setting the length (which may trim the arrays' storage each time).
        while (segs.length > depth) {
            segs.pop();
            indexes.pop();
        }
    };
    for (const layer of v.layers) {
        const base = layer.ossPath.length ? getNode(layer.root, layer.ossPath) : layer.root;
        if (base && base.kind === 'map')
            visit(layer, base, verdictRoot(v.chart), initial, true);
    }
    return out;
}
/** "chart 1.17 (checked against 1.17.38)", or "any chart version" when the version is unknown. */
function describeChart(version) {
    if (!version)
        return 'any chart version';
    return `chart ${version.major}.${version.minor} (checked against ${coveredMinorFor(version).version})`;
}

;// CONCATENATED MODULE: ./src/rules/values-key-unsupported-version.ts
/**
 * values-key-unsupported-version: a values key the detected chart version does not read, although other chart
 * versions do (catalog section 4.3). Which versions read a key comes from the chart data (docs/chart-schema.md),
 * through the walk values-unknown-key shares.
 */






/** `1.12.59` \u2192 `1.12`: the data covers one release per minor, so a minor is all a message can claim. */
const minorOf = (version) => version.split('.').slice(0, 2).join('.');
/** `1.14.3`, `1.15.0-beta5`: the detected release itself, for the one rule with a boundary inside a minor. */
const releaseOf = (v) => `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre[0]}${v.pre[1]}` : ''}`;
// The chart data covers only the newest patch of each minor (1.14.32 for 1.14), so a boundary inside a minor is
// invisible to it: 1.14.3 is answered with 1.14.32's keys. Where this rule needs such a boundary, it takes it from
// the catalog (section 4.3) through src/gloo/version.ts `hasSince`, as below. Other mid-minor boundaries of 4.3
// (`gloo.headerSecretRefNsMatchesUs` 1.14.13, `kind.workloadType` 1.22.0-beta11 \u2026) are not applied: a key the
// minor's newest patch reads is taken as read by the whole minor.
/** `\u2026SecurityContext.mergePolicy` is read from 1.14.5/1.15.0-beta6; the contexts it sits in exist from 1.14.0-beta11. */
const values_key_unsupported_version_MERGE_POLICY_SINCE = '1.14.5/1.15.0-beta6';
const SECURITY_CONTEXTS_SINCE = '1.14.0-beta11';
/** In 1.14.0-beta11 \u2026 1.14.4 and 1.15.0-beta1 \u2026 beta5 the templates copy a context's `mergePolicy` into the object. */
function copiesMergePolicy(v) {
    return !!v && version_hasSince(v, SECURITY_CONTEXTS_SINCE) && !version_hasSince(v, values_key_unsupported_version_MERGE_POLICY_SINCE);
}
const isMergePolicy = (path) => path.length > 1 && path[path.length - 1] === 'mergePolicy' && /[sS]ecurityContext$/.test(path[path.length - 2]);
/**
 * The older equivalent the catalog names for a key newer than the detected chart, as a clause of the message;
 * undefined when there is none.
 */
function olderEquivalent(v, verdict) {
    const p = verdict.path;
    if (p[0] !== 'gatewayProxies' || p.length !== 4)
        return undefined;
    const value = deref(verdict.pair.value);
    // Before 1.12.0-beta6 `probes: true` renders the liveness probe with the readiness probe (catalog 4.2, Probes).
    if (p[2] === 'podTemplate' && p[3] === 'livenessProbeEnabled' && isTrue(value))
        return `${keyPath(v, [p[0], p[1], 'podTemplate', 'probes'])}: true renders the liveness probe together with the readiness probe`;
    // A DaemonSet needs `kind.deployment: null` before 1.22.0-beta11; on a custom proxy only from 1.7.1/1.8.0-beta3
    // (catalog 4.2, Workload kind).
    const customOk = p[1] === 'gatewayProxy' || version_hasSince(v.chartVersion, '1.7.1/1.8.0-beta3');
    if (p[2] === 'kind' && p[3] === 'workloadType' && scalarValue(value) === 'DaemonSet' && customOk)
        return `${keyPath(v, [p[0], p[1], 'kind', 'deployment'])}: null next to ${keyPath(v, [p[0], p[1], 'kind', 'daemonSet'])} renders a DaemonSet`;
    return undefined;
}
function problemOf(v, verdict) {
    const node = verdict.pair.key;
    const chart = describeChart(v.chartVersion);
    if (verdict.kind === 'watched')
        return { messageId: 'literal', node, data: { key: verdict.key, release: releaseOf(v.chartVersion), since: values_key_unsupported_version_MERGE_POLICY_SINCE } };
    if (verdict.kind !== 'otherVersion' || !verdict.own)
        return undefined;
    const own = verdict.checked[0];
    const readBy = verdict.readBy ?? [];
    const next = readBy.find((vi) => vi > own);
    if (next === undefined) {
        const until = minorOf(COVERED_VERSIONS[readBy[readBy.length - 1]]);
        return { messageId: 'older', node, data: { key: verdict.key, until, chart } };
    }
    const since = minorOf(COVERED_VERSIONS[next]);
    const equivalent = olderEquivalent(v, verdict);
    return equivalent
        ? { messageId: 'newerEquivalent', node, data: { key: verdict.key, since, chart, equivalent } }
        : { messageId: 'newer', node, data: { key: verdict.key, since, chart } };
}
/* harmony default export */ const values_key_unsupported_version = (defineRule({
    meta: {
        id: 'values-key-unsupported-version',
        category: 'hygiene',
        severity: 'warning',
        kinds: ['values'],
        fixable: false,
        description: 'Helm values must not rely on keys that the detected Gloo chart version does not read.',
        remediation: 'Upgrade the chart to a version that reads the key, or use the older equivalent the message names; otherwise delete the key.',
        messages: {
            newer: '{{key}} is read by the chart only from {{since}} on, so {{chart}} ignores it.',
            newerEquivalent: '{{key}} is read by the chart only from {{since}} on, so {{chart}} ignores it; there {{equivalent}}.',
            older: '{{key}} is read by the chart only up to {{until}}, so {{chart}} ignores it.',
            literal: '{{key}} is copied as is into the rendered securityContext by chart {{release}}, where schema validation rejects it; the chart reads mergePolicy only from {{since}} on.'
        }
    },
    *checkValues(v) {
        // Without a version every covered version counts as the install's, so no key is another version's.
        if (!v.chartVersion)
            return;
        const watch = copiesMergePolicy(v.chartVersion) ? isMergePolicy : undefined;
        for (const verdict of chartKeyVerdicts(v, watch)) {
            const problem = problemOf(v, verdict);
            if (problem)
                yield problem;
        }
    }
}));

;// CONCATENATED MODULE: ./src/model/sorted.ts
/** Bisection. */
/**
 * The first index in [0, length) at which `before(i)` is false, `before` being true up to some index and false from
 * there on (`length` when it is true throughout).
 */
function sorted_firstNotBefore(length, before) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (before(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** The index of the first of ascending `sorted` that is at least `x` (its length when there is none). */
const firstAtLeast = (sorted, x) => sorted_firstNotBefore(sorted.length, (i) => sorted[i] < x);

;// CONCATENATED MODULE: ./src/model/edit.ts

/**
 * Applies non-overlapping edits. Edits are sorted by start offset; an edit that overlaps one already
 * taken is skipped and returned, so a second pass can apply it to the new text. Two insertions at the
 * same offset are both applied, in the given order.
 */
function edit_applyEdits(text, edits) {
    const sorted = edits
        .map((e, i) => ({ e, i }))
        .sort((a, b) => a.e.range[0] - b.e.range[0] || a.e.range[1] - b.e.range[1] || a.i - b.i)
        .map((x) => x.e);
    const taken = [];
    const skipped = [];
    let lastEnd = -1;
    for (const e of sorted) {
        const [s, end] = e.range;
        if (s < 0 || end > text.length || end < s) {
            skipped.push(e);
            continue;
        }
        // An insertion (s === end) at lastEnd is fine; a replacement starting before lastEnd is not.
        if (s < lastEnd || (s === lastEnd && taken.length > 0 && taken[taken.length - 1].range[0] === s && s !== end)) {
            skipped.push(e);
            continue;
        }
        taken.push(e);
        lastEnd = Math.max(lastEnd, end);
    }
    let out = '';
    let pos = 0;
    for (const e of taken) {
        out += text.slice(pos, e.range[0]) + e.text;
        pos = e.range[1];
    }
    out += text.slice(pos);
    return { output: out, skipped };
}
/** True when two edit lists touch overlapping ranges (insertions at one point count as overlap). */
function edit_editsOverlap(a, b) {
    for (const x of a)
        for (const y of b) {
            if (x.range[0] < y.range[1] && y.range[0] < x.range[1])
                return true;
            if (x.range[0] === y.range[0])
                return true;
        }
    return false;
}
/**
 * Edits already taken, by start offset: whether new ones overlap any of them (as `editsOverlap` says) is found by
 * bisection, not by comparing with each. A file with thousands of fixable findings takes them one by one: a scan
 * of all taken so far per finding was quadratic.
 */
class edit_EditIndex {
    starts = [];
    ends = [];
    /** The longest taken edit: one starting further back than this ends before a given offset. */
    longest = 0;
    /** True when one of `edits` overlaps a taken edit (insertions at one point count as overlap). */
    overlaps(edits) {
        const { starts, ends } = this;
        for (const { range } of edits) {
            const [s, e] = range;
            // The same start.
            const at = firstAtLeast(starts, s);
            if (at < starts.length && starts[at] === s)
                return true;
            // A taken edit starting before e and ending after s; it starts after s - longest.
            for (let k = firstAtLeast(starts, e) - 1; k >= 0 && starts[k] > s - this.longest - 1; k--)
                if (ends[k] > s && starts[k] < e)
                    return true;
        }
        return false;
    }
    add(edits) {
        for (const { range } of edits) {
            const at = firstAtLeast(this.starts, range[0] + 1);
            this.starts.splice(at, 0, range[0]);
            this.ends.splice(at, 0, range[1]);
            this.longest = Math.max(this.longest, range[1] - range[0]);
        }
    }
}

;// CONCATENATED MODULE: ./src/rules/values-unknown-key.ts
/**
 * values-unknown-key: keys the Gloo chart silently ignores (it ships no values schema). The known misplacements
 * are moved to their real place; every other key the chart data does not list gets a "did you mean". The walk
 * over the layers' keys is `chartKeyVerdicts` (gloo/chart-keys.ts), shared with values-key-unsupported-version.
 */








/** OSS chart keys that do nothing at the root of gloo-ee values (they belong under `gloo.`). */
const EE_ROOT_OSS_KEYS = ['gatewayProxies', 'settings', 'gateway', 'discovery'];
const KUBE_DESTINATIONS = 'settings.disableKubernetesDestinations';
/** A moved flow map stays on one line; anything longer is left to a human. */
const MAX_MOVED_TEXT = 120;
/** The one key name the checked versions suggest for the judged segment, if they agree on one. */
function suggestionOf(verdict) {
    const names = new Set();
    const ranks = new Map();
    for (const vi of verdict.checked) {
        const s = suggestKeyAt(verdict.path, vi, ranks);
        if (s && s.index === verdict.path.length - 1)
            names.add(s.key);
        // Two names: no one "did you mean".
        if (names.size > 1)
            return undefined;
    }
    return names.size === 1 ? [...names][0] : undefined;
}
/** The generic finding for a key no checked version reads; a unique "did you mean" renames it (a suggestion). */
function unknownProblem(v, verdict) {
    const key = verdict.pair.key;
    const chart = verdict.own ? describeChart(v.chartVersion) : 'any chart version';
    const suggestion = suggestionOf(verdict);
    if (!suggestion)
        return { messageId: 'unknown', node: key, data: { key: verdict.key, chart } };
    const target = verdict.key.slice(0, verdict.key.length - verdict.path[verdict.path.length - 1].length) + suggestion;
    const data = { key: verdict.key, chart, suggestion: target };
    // A rename switches the setting on, so it is never a safe fix; a parameter cannot be renamed in place.
    const renamable = verdict.whole && !verdict.layer.synthetic && key.kind === 'scalar' && values_unknown_key_SIMPLE_KEY.test(suggestion) && !query_findPair(verdict.map, suggestion);
    const suggest = renamable ? [{ messageId: 'rename', edits: [{ range: [key.start, key.end], text: suggestion }] }] : undefined;
    return { messageId: 'unknownDidYouMean', node: key, data, suggest };
}
/** The maps and pairs along `path`, or null when a segment is missing or reached through a merge key. */
function pairChain(root, path) {
    const maps = [];
    const pairs = [];
    let m = root;
    for (const seg of path) {
        if (!m || m.kind !== 'map')
            return null;
        const p = query_findPair(m, seg);
        if (!p || !m.pairs.includes(p))
            return null;
        maps.push(m);
        pairs.push(p);
        m = deref(p.value);
    }
    return { maps, pairs };
}
/** Whether `path` can be there below `node`: a key at each step (pairChain says for sure). */
function mayHold(node, path) {
    let n = node;
    for (const seg of path) {
        const p = n ? query_findPair(n, seg) : undefined;
        if (!p)
            return false;
        n = deref(p.value);
    }
    return true;
}
function candidatesOf(v, layer) {
    const out = [];
    const single = valuesProxies(v);
    const picked = single.length === 1 ? single[0].key : undefined;
    const oss = getNode(layer.root, layer.ossPath);
    // Each proxy's map, found once for all the misplacements below a proxy.
    const proxyMaps = mapEntries(getNode(oss, ['gatewayProxies'])).map((p) => ({ key: keyOf(p), map: deref(p.value) }));
    for (const m of KNOWN) {
        const any = m.from[0] === 'gatewayProxies' && m.from[1] === ANY;
        for (const { key: proxy, map } of any ? proxyMaps : [{ key: undefined, map: oss }]) {
            // Most layers hold none of these keys: looked for before anything is built.
            if (!mayHold(map, any ? m.from.slice(2) : m.from))
                continue;
            const from = m.from.map((s) => (s === ANY ? proxy : s));
            const fromFull = [...layer.ossPath, ...from];
            const chain = pairChain(layer.root, fromFull);
            if (!chain)
                continue;
            const toOss = m.to.map((s) => (s === ANY ? proxy : s === PICK ? picked ?? PICK : s));
            out.push({
                layer,
                ...chain,
                fromFull,
                toFull: [...layer.ossPath, ...toOss],
                toOss,
                key: keyPath(v, from),
                target: keyPath(v, toOss),
                enterpriseRoot: false,
                placeholder: toOss.includes(PICK)
            });
        }
    }
    if (v.chart === 'gloo-ee' && layer.ossPath.length) {
        const outer = layer.ossPath.slice(0, -1);
        const outerPrefix = outer.map((s) => `${s}.`).join('');
        for (const k of EE_ROOT_OSS_KEYS) {
            const chain = pairChain(layer.root, [...outer, k]);
            if (!chain)
                continue;
            out.push({
                layer,
                ...chain,
                fromFull: [...outer, k],
                toFull: [...layer.ossPath, k],
                toOss: [k],
                key: outerPrefix + k,
                target: keyPath(v, [k]),
                enterpriseRoot: true,
                placeholder: false
            });
        }
    }
    return out;
}
const values_unknown_key_SIMPLE_KEY = /^[A-Za-z0-9_.\/-]+$/;
/** Source text of a value that can be moved as is: a one-line scalar or a small one-line flow map. */
function movableText(src, node) {
    // An anchor or tag would be lost or orphaned by moving the bare value.
    if (node.kind === 'alias' || node.anchor || ('tag' in node && node.tag))
        return null;
    if (node.kind === 'scalar') {
        if (node.empty || node.style === 'literal' || node.style === 'folded')
            return null;
    }
    else if (node.kind !== 'map' || !node.flow)
        return null;
    const text = src.text.slice(node.start, node.end);
    return /[\r\n]/.test(text) || text.length > MAX_MOVED_TEXT ? null : text;
}
/**
 * Moves the key to its target: a key rename when only the last segment differs, otherwise removing the pair
 * (or the ancestors it alone fills, never the common ancestor) and inserting the value at the target.
 */
function moveFix(src, c) {
    const n = c.fromFull.length;
    let cp = 0;
    while (cp < n && cp < c.toFull.length && c.fromFull[cp] === c.toFull[cp])
        cp++;
    const last = c.pairs[n - 1];
    if (c.toFull.length === n && cp === n - 1) {
        if (last.key.kind !== 'scalar' || !values_unknown_key_SIMPLE_KEY.test(c.toFull[n - 1]))
            return null;
        return [{ range: [last.key.start, last.key.end], text: c.toFull[n - 1] }];
    }
    // An alias along the way means the edit would land in a shared anchor.
    if (c.pairs.slice(cp, n - 1).some((p) => p.value.kind !== 'map'))
        return null;
    const text = movableText(src, last.value);
    if (text === null)
        return null;
    let idx = n - 1;
    while (idx > cp && c.maps[idx].pairs.length === 1)
        idx--;
    const map = c.maps[idx];
    const removal = removePair(src, map, c.pairs[idx]);
    const insertion = setPath(src, c.layer.root, c.toFull, text);
    if (!removal || !insertion || !insertion.length)
        return null;
    if (map.flow && map.pairs.length === 1) {
        // `{a: 1}` \u2192 `{}` then `, b: 1` before `}` would read `{, b: 1}`: write the new entry over the old one.
        const [ins] = insertion;
        if (insertion.length !== 1 || ins.range[0] !== map.end - 1 || ins.range[1] !== ins.range[0] || !ins.text.startsWith(', '))
            return null;
        return [{ range: removal.range, text: ins.text.slice(2) }];
    }
    if (edit_editsOverlap([removal], insertion))
        return null;
    return [removal, ...insertion];
}
/* harmony default export */ const values_unknown_key = (defineRule({
    meta: {
        id: 'values-unknown-key',
        category: 'hygiene',
        severity: 'warning',
        kinds: ['values'],
        fixable: true,
        description: 'Helm values must not hold keys the Gloo chart silently ignores.',
        remediation: 'Move or rename the key to the place the chart reads it from, or delete it.',
        messages: {
            moved: '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}.',
            taken: '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}, which is already set, so merge the two and delete this one.',
            kubeInUse: '{{key}} is not a value of the chart, which ignores it; it belongs at {{target}}, but routes in this change use Kubernetes destinations ({{routes}}): migrate them to Upstreams before moving it.',
            enterpriseRoot: "{{key}} at the root of gloo-ee values is ignored: the open-source chart's values go under gloo., at {{target}}.",
            enterpriseRootTaken: "{{key}} at the root of gloo-ee values is ignored: the open-source chart's values go under gloo., and {{target}} is already set, so merge the two and delete this one.",
            unknown: '{{key}} is not a value of {{chart}} and is ignored.',
            unknownDidYouMean: '{{key}} is not a value of {{chart}} and is ignored; did you mean {{suggestion}}?',
            rename: 'Rename {{key}} to {{suggestion}} (the setting then takes effect: check its value first).'
        }
    },
    *checkValues(v, { project }) {
        const problems = [];
        for (const verdict of chartKeyVerdicts(v))
            if (verdict.kind === 'unknown')
                problems.push(unknownProblem(v, verdict));
        for (const c of v.layers.flatMap((layer) => candidatesOf(v, layer))) {
            const last = c.pairs[c.pairs.length - 1];
            const data = { key: c.key, target: c.target };
            const taken = !c.placeholder && values_getValue(v, c.toOss) !== null;
            let problem;
            if (taken)
                problem = { messageId: c.enterpriseRoot ? 'enterpriseRootTaken' : 'taken', node: last.key, data };
            else if (c.toOss.join('.') === KUBE_DESTINATIONS && isTrue(last.value) && project.kubeDestinations.length)
                // Moving it would switch off the Kubernetes destinations those routes need (kube-destination-in-use).
                problem = { messageId: 'kubeInUse', node: last.key, data: { ...data, routes: describeDestinations(project.kubeDestinations) } };
            else {
                // Two moves creating the same `podTemplate:` overlap: --fix applies them in separate passes.
                const fix = c.placeholder || c.layer.synthetic ? null : moveFix(c.layer.file.edit, c);
                problem = { messageId: c.enterpriseRoot ? 'enterpriseRoot' : 'moved', node: last.key, data, fix };
            }
            problems.push(problem);
        }
        yield* problems.sort((a, b) => a.node.start - b.node.start);
    }
}));

;// CONCATENATED MODULE: ./src/rules/yaml-duplicate-key.ts

/* harmony default export */ const yaml_duplicate_key = (defineRule({
    meta: {
        id: 'yaml-duplicate-key',
        category: 'hygiene',
        severity: 'warning',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'A mapping holds the same key twice; Helm keeps the last one, kubectl rejects the file.',
        remediation: 'Merge the two entries into one key.',
        messages: { duplicate: "Key '{{key}}' is defined again here (first on line {{firstLine}}); Helm keeps this one, kubectl apply rejects the file." }
    }
}));

;// CONCATENATED MODULE: ./src/rules/yaml-syntax.ts

/* harmony default export */ const yaml_syntax = (defineRule({
    meta: {
        id: 'yaml-syntax',
        category: 'hygiene',
        severity: 'error',
        kinds: ['*'],
        fixable: false,
        builtin: true,
        description: 'The file is not valid YAML (and is not a Helm template).',
        remediation: 'Fix the YAML syntax at the reported line and column.',
        messages: { invalid: 'Invalid YAML: {{reason}}.' }
    }
}));

;// CONCATENATED MODULE: ./src/rules/index.ts
/** Every rule of the catalog, sorted by id. */








































const rules = [
    control_plane_leader_election,
    control_plane_xds_mtls,
    discovery_enabled,
    file_skipped,
    file_unreadable,
    header_secret_namespace,
    input_unrecognized,
    input_unresolved,
    internal_error,
    invalid_routes_not_replaced,
    kube_destination_in_use,
    kube_destinations_enabled,
    proxy_anti_affinity,
    proxy_core_dumps,
    proxy_disruption_budget,
    proxy_graceful_shutdown,
    proxy_host_network,
    proxy_lb_source_ranges,
    proxy_net_bind,
    proxy_privileged,
    proxy_probes,
    proxy_read_config,
    proxy_read_only_root_fs,
    proxy_resources,
    proxy_run_as_root,
    proxy_seccomp,
    proxy_security_context_replaced,
    proxy_single_replica,
    proxy_token_automount,
    proxy_workload_kind,
    sidecar_security_context,
    suppression_unused,
    validation_allow_warnings,
    validation_always_accept,
    validation_disabled,
    validation_failure_policy,
    values_key_unsupported_version,
    values_unknown_key,
    yaml_duplicate_key,
    yaml_syntax
];
const ruleIds = new Set(rules.map((r) => r.meta.id));

;// CONCATENATED MODULE: ./src/report/rule-text.ts

/** The one icon per severity, in comments, summaries and tables. */
const SEVERITY_ICON = { error: '\ud83d\uded1', warning: '\u26a0\ufe0f', notice: '\u2139\ufe0f' };
/** "\ud83d\uded1 error" (a table cell), or "\ud83d\uded1 **error**" (a review comment's heading). */
function rule_text_severityBadge(severity, options = {}) {
    return `${SEVERITY_ICON[severity]} ${options.bold ? `**${severity}**` : severity}`;
}
const remediations = new Map(rules.map((r) => [r.meta.id, r.meta.remediation]));
/** The rule's remediation sentence; undefined for an unknown rule id. */
function rule_text_remediationOf(ruleId) {
    return remediations.get(ruleId);
}

;// CONCATENATED MODULE: ./src/report/review.ts
/** Plans a pull-request review: which findings become line comments, with one-click suggestion blocks where GitHub allows them. */







const DEFAULT_SUMMARY_NAME = 'the check run summary';
const DEFAULT_DOCS_BASE = 'docs/rules/';
/** Errors first, then by place, so caps keep the most severe and output never depends on input order. */
function review_comparePriority(a, b) {
    return (SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        cmp(a.path, b.path) ||
        a.span.start.line - b.span.start.line ||
        a.span.start.column - b.span.start.column ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.fingerprint, b.fingerprint));
}
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * The whole lines (1-based, inclusive) a set of edits touches, or undefined if an edit is out of range. An
 * insertion of whole lines at the start of line N+1 (or at the end of the file) belongs to line N: GitHub's
 * suggestion then repeats line N followed by the inserted lines, and line N+1 need not be in the diff.
 */
function editLines(file, edits) {
    if (!edits.length)
        return undefined;
    let start = Infinity;
    let end = -Infinity;
    for (const e of edits) {
        const [s, t] = e.range;
        if (s < 0 || t > file.text.length || t < s)
            return undefined;
        const p = file.lines.positionAt(s);
        let first = p.line;
        let last;
        if (s === t && p.column === 1 && p.line > 1 && (/\n$/.test(e.text) || s === file.text.length)) {
            first = last = p.line - 1;
        }
        else {
            const q = file.lines.positionAt(t);
            last = t > s && q.column === 1 && q.line > p.line ? q.line - 1 : q.line;
        }
        start = Math.min(start, first);
        end = Math.max(end, last);
    }
    return { start, end };
}
/**
 * The text that replaces lines start..end once the edits are applied, as a suggestion block wants it (LF line
 * breaks, no final one); undefined when an edit falls outside those lines or the change cannot be expressed as
 * a whole-line replacement (it would join the last line with the next).
 */
function replacementLines(file, edits, lines) {
    const touched = editLines(file, edits);
    if (!touched || touched.start < lines.start || touched.end > lines.end)
        return undefined;
    const from = file.lines.lineStart(lines.start);
    const to = lines.end < file.lines.lineCount ? file.lines.lineStart(lines.end + 1) : file.text.length;
    const region = file.text.slice(from, to);
    const shifted = edits.map((e) => ({ range: [e.range[0] - from, e.range[1] - from], text: e.text }));
    const { output, skipped } = applyEdits(region, shifted);
    if (skipped.length)
        return undefined;
    const hadEol = /\n$/.test(region);
    let text = output;
    if (hadEol) {
        if (/\n$/.test(text))
            text = text.replace(/\r?\n$/, '');
        else if (text !== '')
            return undefined;
    }
    return text.replace(/\r\n/g, '\n');
}
function union(a, b) {
    return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
const within = (bound, l) => bound.start <= l.start && l.end <= bound.end;
/**
 * The suggestion for a finding on `lines`: its safe fix, or (only without one) the first needs-a-human
 * suggestion. The comment's range grows to every line the edits touch, as long as it stays in the hunk.
 */
function propose(f, file, lines, bound) {
    if (!file)
        return { range: lines };
    const candidates = f.fix?.length
        ? [{ kind: 'fix', edits: f.fix }]
        : (f.suggestions ?? []).map((s) => ({ kind: 'review', edits: s.edits, message: s.message }));
    for (const c of candidates) {
        const touched = editLines(file, c.edits);
        if (!touched)
            continue;
        const range = union(lines, touched);
        if (!within(bound, range))
            continue;
        const text = replacementLines(file, c.edits, range);
        if (text !== undefined)
            return { range, proposal: { ...c, text } };
    }
    return { range: lines };
}
/** Plans the review: comments for findings inside one hunk (capped, errors first), the rest as overflow or outside. */
function planReview(findings, files, diffs, opts) {
    const outside = [];
    const groups = [];
    // The groups of each file with a suggestion, in line order: a clash is looked for among them by bisection. Their
    // ranges never overlap (a group is made only without a clash, and a merge that would overlap another is refused).
    const proposing = new Map();
    const reported = findings.filter((f) => isReported(f, opts.mode, diffs)).sort(review_comparePriority);
    for (const f of reported) {
        const lines = spanLines(f.span);
        const hunk = hunkContaining(diffs.get(f.path), lines.start, lines.end);
        if (!hunk) {
            outside.push(f);
            continue;
        }
        const file = files.get(f.path);
        const bound = { start: hunk.newStart, end: hunkEnd(hunk) };
        const { range, proposal } = propose(f, file, lines, bound);
        let inLine;
        if (proposal) {
            // GitHub applies suggestions independently: two on overlapping lines would undo each other.
            inLine = proposing.get(f.path);
            if (!inLine)
                proposing.set(f.path, (inLine = []));
            const clash = firstClash(inLine, range);
            if (clash) {
                if (!review_mergeInto(clash, f, proposal, range, inLine))
                    clash.attached.push(f);
                continue;
            }
        }
        const group = { seq: groups.length, path: f.path, range, bound, file, findings: [f], proposal, attached: [] };
        groups.push(group);
        if (inLine)
            inLine.splice(endingFrom(inLine, range.start), 0, group);
    }
    const max = Math.max(0, Math.floor(opts.maxComments));
    const kept = groups.slice(0, max);
    const overflow = groups.slice(max).flatMap((g) => [...g.findings, ...g.attached]);
    const comments = kept.map((g) => toComment(g, opts.docsBase ?? DEFAULT_DOCS_BASE, opts.summaryName ?? DEFAULT_SUMMARY_NAME));
    return { comments, overflow, outside };
}
/** Where in `inLine` (groups of one file whose ranges do not overlap, in line order) the first range ending at or after `line` is. */
const endingFrom = (inLine, line) => firstNotBefore(inLine.length, (i) => inLine[i].range.end < line);
/** The first made of the groups in `inLine` on lines that overlap `range`, `except` left out. */
function firstClash(inLine, range, except) {
    let first;
    for (let i = endingFrom(inLine, range.start); i < inLine.length && inLine[i].range.start <= range.end; i++) {
        const g = inLine[i];
        if (g !== except && (!first || g.seq < first.seq))
            first = g;
    }
    return first;
}
/**
 * Two safe fixes on overlapping lines become one suggestion when their edits are disjoint and the union stays in the
 * hunk (and clashes with no other group of the file: `inLine`, which the grown range keeps in line order).
 */
function review_mergeInto(g, f, p, range, inLine) {
    if (!g.file || !g.proposal || g.proposal.kind !== 'fix' || p.kind !== 'fix')
        return false;
    if (editsOverlap(g.proposal.edits, p.edits))
        return false;
    const edits = [...g.proposal.edits, ...p.edits];
    const merged = union(g.range, range);
    if (!within(g.bound, merged))
        return false;
    if (firstClash(inLine, merged, g))
        return false;
    const text = replacementLines(g.file, edits, merged);
    if (text === undefined)
        return false;
    g.findings.push(f);
    g.range = merged;
    g.proposal = { kind: 'fix', edits, text };
    return true;
}
function toComment(g, docsBase, summaryName) {
    const [primary, ...rest] = g.findings;
    const c = {
        path: g.path,
        body: renderBody(g, docsBase, summaryName),
        line: g.range.end,
        side: 'RIGHT',
        fingerprint: primary.fingerprint,
        finding: primary
    };
    if (g.range.start < g.range.end) {
        c.start_line = g.range.start;
        c.start_side = 'RIGHT';
    }
    const also = [...rest, ...g.attached];
    if (also.length)
        c.also = also;
    return c;
}
/** Body of a comment on `lines` for one finding: severity, linked rule id, message, remediation, suggestion, marker last. */
function commentBody(f, file, lines, options = {}) {
    // The caller vouches for the range (it is in a hunk): a suggestion is offered only if the edits fit inside it.
    const { proposal } = propose(f, file, lines, lines);
    return renderBody({ seq: 0, path: f.path, range: lines, bound: lines, file, findings: [f], proposal, attached: [] }, options.docsBase ?? DEFAULT_DOCS_BASE, DEFAULT_SUMMARY_NAME);
}
function ruleLink(ruleId, docsBase) {
    return `[\`${ruleId.replace(/`/g, '')}\`](${docsBase}${encodePath(ruleId)}.md)`;
}
function findingBlock(f, docsBase, where = '') {
    const out = [`${severityBadge(f.severity, { bold: true })} \u00b7 ${ruleLink(f.ruleId, docsBase)}${where}`, '', escapeMarkdown(f.message)];
    const remediation = remediationOf(f.ruleId);
    if (remediation)
        out.push('', `**Remediation:** ${escapeMarkdown(remediation)}`);
    return out;
}
function where(f) {
    const { start, end } = spanLines(f.span);
    return start === end ? `line ${start}` : `lines ${start}\u2013${end}`;
}
function renderBody(g, docsBase, summaryName) {
    const parts = [];
    g.findings.forEach((f, i) => {
        if (i > 0)
            parts.push('', '---', '');
        parts.push(...findingBlock(f, docsBase, i > 0 ? ` \u00b7 ${where(f)}` : ''));
    });
    const p = g.proposal;
    if (p) {
        parts.push('');
        if (p.kind === 'fix')
            parts.push(`Suggested fix${g.findings.length > 1 ? ` for these ${g.findings.length} findings` : ''} (what \`gloo-harden --fix\` applies):`);
        else
            parts.push(`Possible change, **needs review** (not applied by \`--fix\`): ${escapeMarkdown(p.message ?? '')}`);
        parts.push('', fencedBlock('suggestion', p.text));
    }
    for (const f of g.findings) {
        if (f.fix?.length && p?.kind !== 'fix') {
            parts.push('', `Fix available with \`gloo-harden --fix\` (it reaches outside this diff; the combined patch is in ${summaryName}).`);
        }
        const shown = p?.kind === 'review' ? p.message : undefined;
        for (const s of f.suggestions ?? []) {
            if (f.fix?.length || s.message !== shown)
                parts.push('', `Possible change, **needs review**: ${escapeMarkdown(s.message)}`);
        }
    }
    for (const f of g.attached) {
        parts.push('', '---', '', `Also on ${where(f)}:`, '', ...findingBlock(f, docsBase), '');
        parts.push(f.fix?.length
            ? `Its fix overlaps the suggestion above; apply that first, or run \`gloo-harden --fix\` (the combined patch is in ${summaryName}).`
            : 'Its possible change overlaps the suggestion above; review it after applying that one.');
    }
    parts.push('', marker(g.findings[0].fingerprint));
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/report/gate.ts
/**
 * The gate, computed once: which findings it judges (input `gate`: the new ones, or all), its conclusion by
 * `fail-on`, and how findings rank and show as annotations (an existing finding the gate does not judge is a
 * notice at most).
 */


const GATES = (/* unused pure expression or super */ null && (['new', 'all']));
const FAIL_ONS = ['error', 'warning', 'notice', 'never'];
const isExisting = (f) => f.baseline === 'existing';
function reaches(f, failOn) {
    return failOn !== 'never' && finding_SEVERITY_RANK[f.severity] >= finding_SEVERITY_RANK[failOn];
}
/** Judges the reported findings (each marked new or existing by the baseline; unmarked counts as new). */
function judge(reported, gate, failOn) {
    const existing = reported.filter(isExisting);
    const judged = gate === 'all' ? [...reported] : reported.filter((f) => !isExisting(f));
    const failing = judged.filter((f) => reaches(f, failOn)).length;
    return { judged, existing, conclusion: failing > 0 ? 'failure' : reported.length ? 'neutral' : 'success', failing };
}
/** The severity an annotation shows: an existing finding that gate: new does not judge is a notice. */
function shownSeverity(f, gate) {
    return gate === 'new' && isExisting(f) ? 'notice' : f.severity;
}
/** Most severe (as shown) first, then new before existing, then errors-first priority and place. */
function compareShown(gate) {
    return (a, b) => SEVERITY_RANK[shownSeverity(b, gate)] - SEVERITY_RANK[shownSeverity(a, gate)] || Number(isExisting(a)) - Number(isExisting(b)) || comparePriority(a, b);
}
/** The findings that become annotations (at most `max`, in shown order) and the ones left to the summary. */
function pickAnnotated(findings, gate, max) {
    const sorted = [...findings].sort(compareShown(gate));
    const n = Math.max(0, Math.floor(max));
    return { annotated: sorted.slice(0, n), left: sorted.slice(n) };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(975);
;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/base.js
class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/line.js


class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
function diffTrimmedLines(oldStr, newStr, options) {
    options = generateOptions(options, { ignoreWhitespace: true });
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/patch/create.js

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
const FILE_HEADERS_ONLY = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: true
};
const OMIT_HEADERS = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: false
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function create_formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => create_formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    if (typeof options === 'function') {
        options = { callback: options };
    }
    if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
            return;
        }
        return create_formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
    }
    else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: patchObj => {
                if (!patchObj) {
                    callback(undefined);
                }
                else {
                    callback(create_formatPatch(patchObj, options.headerOptions));
                }
            } }));
    }
}
function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
    return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/report/patch.ts
/** The combined patch of every safe fix, as a `git apply`-able unified diff (what the summary offers when a suggestion cannot be). */



/**
 * Fixed text of one file: each finding's fix is taken whole or not at all, most severe first; a fix that
 * overlaps one already taken (or has an edit outside the file) is left for the next `--fix` run, as ESLint does.
 */
function fixedText(file, findings) {
    const taken = [];
    const index = new EditIndex();
    const applied = [];
    const skipped = [];
    for (const f of [...findings].sort(comparePriority)) {
        if (f.path !== file.path || !f.fix?.length)
            continue;
        // applyEdits reports out-of-range and self-overlapping edits as skipped.
        if (applyEdits(file.text, f.fix).skipped.length || index.overlaps(f.fix)) {
            skipped.push(f);
            continue;
        }
        for (const e of f.fix)
            taken.push(e);
        index.add(f.fix);
        applied.push(f);
    }
    const { output } = applyEdits(file.text, taken);
    return { text: output, applied, skipped };
}
/** Unified diff of every safe fix, `git apply`-able (a/ b/ prefixes, git-quoted names, `\ No newline` markers kept). */
function combinedPatch(files, findings) {
    // Each file's fixable findings, once: fixedText sorts what it is given (all findings per file was quadratic).
    const byPath = new Map();
    for (const f of findings) {
        if (!f.fix?.length)
            continue;
        const list = byPath.get(f.path);
        if (list)
            list.push(f);
        else
            byPath.set(f.path, [f]);
    }
    let out = '';
    for (const path of [...byPath.keys()].sort()) {
        const file = files.get(path);
        if (!file)
            continue;
        const { text } = fixedText(file, byPath.get(path));
        if (text === file.text)
            continue;
        const p = linePatch(`a/${path}`, `b/${path}`, file.text, text);
        p.isGit = true;
        out += formatPatch(p);
    }
    return out;
}
/** Texts of more lines than this (old and new together) are diffed region by region (`linePatch`). */
const WHOLE_LINES = 2000;
/** Lines that must match again, in a row, for a changed region to end. */
const RESYNC_RUN = 3;
/** How far (lines of both texts together) a changed region is followed before the rest is diffed as one. */
const RESYNC_LIMIT = 400;
/**
 * jsdiff's `structuredPatch(oldName, newName, a, b, \u2026, { context })`. Its diff takes time in the lines times the
 * lines changed: a file of 40,000 lines with thousands of fixes took seconds. So texts of more than `WHOLE_LINES`
 * lines are first walked together, line by line, for the regions that differ (a region ends where `RESYNC_RUN`
 * lines match again, looked for nearest first); regions closer than twice the context make one window, with the
 * context around it; jsdiff diffs each window, and the hunks are moved to their place in the file. The hunks are
 * those of the whole diff wherever jsdiff would align the lines the same way; either way the patch turns `a` into `b`.
 */
function linePatch(oldName, newName, a, b, context = 3, whole = WHOLE_LINES) {
    const x = lines(a);
    const y = lines(b);
    if (x.length + y.length <= whole)
        return structuredPatch(oldName, newName, a, b, undefined, undefined, { context });
    // Lines as numbers: equal lines, equal numbers.
    const ids = new Map();
    const idOf = (line) => {
        let id = ids.get(line);
        if (id === undefined)
            ids.set(line, (id = ids.size));
        return id;
    };
    const xi = Int32Array.from(x, idOf);
    const yi = Int32Array.from(y, idOf);
    const hunks = [];
    const regions = changedRegions(xi, yi);
    for (let r = 0; r < regions.length;) {
        // A window: the regions closer than twice the context, with the context before the first and after the last.
        let last = r;
        while (last + 1 < regions.length && regions[last + 1][0] - regions[last][1] <= 2 * context)
            last++;
        const a0 = Math.max(0, regions[r][0] - context);
        const b0 = regions[r][2] - (regions[r][0] - a0);
        const a1 = Math.min(x.length, regions[last][1] + context);
        const b1 = regions[last][3] + (a1 - regions[last][1]);
        const p = structuredPatch('', '', x.slice(a0, a1).join(''), y.slice(b0, b1).join(''), undefined, undefined, { context });
        for (const h of p.hunks)
            hunks.push({ ...h, oldStart: h.oldStart + a0, newStart: h.newStart + b0 });
        r = last + 1;
    }
    return { oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks };
}
/** A text's lines with their line feeds (the last without one when the text does not end in one), as jsdiff splits it. */
function lines(text) {
    const out = [];
    let from = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
        out.push(text.slice(from, i + 1));
        from = i + 1;
    }
    if (from < text.length)
        out.push(text.slice(from));
    return out;
}
/**
 * The regions where two texts' lines differ, as [old start, old end, new start, new end) line indexes, in order:
 * between two regions (and before the first, after the last) the lines are the same, one for one.
 */
function changedRegions(x, y) {
    const out = [];
    const n = x.length;
    const m = y.length;
    // `RESYNC_RUN` equal lines from p and q, or the same lines to both ends.
    const meet = (p, q) => {
        let k = 0;
        while (k < RESYNC_RUN && p + k < n && q + k < m && x[p + k] === y[q + k])
            k++;
        return k === RESYNC_RUN || (p + k === n && q + k === m);
    };
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && x[i] === y[j]) {
            i++;
            j++;
            continue;
        }
        let met = false;
        for (let d = 1; d <= RESYNC_LIMIT && !met; d++)
            for (let di = 0; di <= d; di++) {
                const p = i + di;
                const q = j + d - di;
                if (p > n || q > m || !meet(p, q))
                    continue;
                out.push([i, p, j, q]);
                i = p;
                j = q;
                met = true;
                break;
            }
        if (!met) {
            out.push([i, n, j, m]);
            break;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/baseline.ts
/** Splits head findings into new and existing against the base's fingerprints, and lists the base's fixed ones. */
function classify(head, base) {
    const left = new Map();
    if (base instanceof Map)
        for (const [fp, n] of base)
            left.set(fp, n);
    else
        for (const f of base)
            left.set(f.fingerprint, (left.get(f.fingerprint) ?? 0) + 1);
    const out = { added: [], existing: [], fixed: [] };
    const matched = new Map();
    for (const f of head) {
        const n = left.get(f.fingerprint) ?? 0;
        if (n > 0) {
            left.set(f.fingerprint, n - 1);
            matched.set(f.fingerprint, (matched.get(f.fingerprint) ?? 0) + 1);
            out.existing.push(f);
        }
        else
            out.added.push(f);
    }
    // Copies pair in order, first with first: the base's copies beyond those the head matched are the fixed ones.
    if (!(base instanceof Map))
        for (const f of base) {
            const n = matched.get(f.fingerprint) ?? 0;
            if (n > 0)
                matched.set(f.fingerprint, n - 1);
            else
                out.fixed.push(f);
        }
    return out;
}
class BaselineError extends Error {
}
function toBaselineFile(findings) {
    return {
        version: 1,
        tool: 'gloo-harden',
        findings: findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.path, line: f.span.start.line }))
    };
}
/**
 * Reads a saved baseline: fingerprint \u2192 count. Throws BaselineError naming the file and what is wrong.
 * @param paths when given, only the entries of these files count (a run over part of what the baseline covers:
 *   the others could never match, and must not be counted as fixed)
 */
function parseBaselineFile(text, path, paths) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        throw new BaselineError(`${path}: not JSON (${err.message})`);
    }
    const o = raw;
    if (!o || typeof o !== 'object' || o.tool !== 'gloo-harden' || !Array.isArray(o.findings))
        throw new BaselineError(`${path}: not a gloo-harden baseline (write one with --write-baseline)`);
    if (o.version !== 1)
        throw new BaselineError(`${path}: baseline version ${String(o.version)} is not supported (expected 1)`);
    const out = new Map();
    o.findings.forEach((f, i) => {
        if (!f || typeof f.fingerprint !== 'string')
            throw new BaselineError(`${path}: findings[${i}] has no fingerprint`);
        if (paths && typeof f.path === 'string' && !paths.has(f.path))
            return;
        out.set(f.fingerprint, (out.get(f.fingerprint) ?? 0) + 1);
    });
    return out;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/gloo/evidence.ts
/**
 * Is a values map Gloo values, and of which chart? Catalog section 1.2: only strong evidence (a path only the
 * gloo chart reads) makes a file Gloo; keys every chart has (`ingress`, `gateway`, `settings`, `global` \u2026) prove
 * nothing, and a stray key never flips the flavour.
 */

/** Paths (below the OSS chart's root) that only the gloo chart reads. `global.*` is listed apart: it stays at the root in gloo-ee too. */
const OSS_ONLY = [
    ['gatewayProxies'],
    ['gloo', 'deployment'],
    ['gloo', 'disableLeaderElection'],
    ['gloo', 'headerSecretRefNsMatchesUs'],
    ['discovery', 'fdsMode'],
    ['settings', 'integrations', 'knative'],
    ['settings', 'invalidConfigPolicy'],
    ['settings', 'disableKubernetesDestinations'],
    ['settings', 'replaceInvalidRoutes'],
    ['gateway', 'validation', 'alwaysAcceptResources'],
    ['gateway', 'proxyServiceAccount'],
    ['gateway', 'certGenJob'],
    ['ingressProxy'],
    ['kubeGateway', 'gatewayParameters', 'glooGateway']
];
const GLOBAL_ONLY = [
    ['global', 'glooRbac'],
    ['global', 'glooMtls'],
    ['global', 'glooStats'],
    ['global', 'istioSDS']
];
/** Keys only the gloo-ee chart has at its root; evidence only next to a `gloo:` map. */
const EE_ONLY = ['license_key', 'create_license_secret', 'license_secret_name', 'gloo-fed'];
/** Keys that prove nothing alone: a file with only these (and a name with `gloo`) gets an input-unrecognized notice. */
const WEAK_KEYS = new Set([
    'ingress', 'gateway', 'settings', 'global', 'discovery', 'gloo', 'namespace', 'k8s', 'crds', 'rbac', 'prometheus',
    'grafana', 'redis', 'observability', 'image', 'service', 'resources', 'replicaCount', 'license_key'
]);
function has(root, path) {
    const parent = path.length > 1 ? getNode(root, path.slice(0, -1)) : root;
    const pair = query_findPair(parent, path[path.length - 1]);
    if (!pair)
        return false;
    // `gatewayProxies` counts only as a map of maps (a proxy name \u2192 its spec).
    if (path.length === 1 && path[0] === 'gatewayProxies') {
        const v = deref(pair.value);
        return isMap(v) && v.pairs.length > 0 && v.pairs.every((p) => { const d = deref(p.value); return isMap(d) || (d?.kind === 'scalar' && (d.empty || d.value === 'null' || d.value === '~')); });
    }
    return true;
}
/** The evidence a values map carries about being Gloo values. */
function valuesEvidence(root) {
    const join = (p) => p.join('.');
    const oss = OSS_ONLY.filter((p) => has(root, p)).map(join);
    const glooMap = getNode(root, ['gloo']);
    const ee = isMap(glooMap) ? OSS_ONLY.filter((p) => has(glooMap, p)).map((p) => `gloo.${join(p)}`) : [];
    const global = GLOBAL_ONLY.filter((p) => has(root, p)).map(join);
    const keys = mapEntries(root).map(keyOf);
    const ev = { oss, ee, global, weak: keys.some((k) => WEAK_KEYS.has(k)) };
    const eeKey = EE_ONLY.find((k) => keys.includes(k));
    if (eeKey && isMap(glooMap) && glooMap.pairs.length > 0)
        ev.eeOnly = eeKey;
    return ev;
}
/** Strong evidence: some path only Gloo reads. */
const isStrong = (e) => e.oss.length + e.ee.length + e.global.length > 0 || e.eeOnly !== undefined;
/**
 * The flavour of a values map: the chart named by a descriptor or the config decides; else an EE-only key makes
 * it enterprise; else the flavour with more strong paths wins, a tie is OSS.
 */
function flavourOf(e, named) {
    if (named)
        return named;
    if (e.eeOnly)
        return 'gloo-ee';
    return e.ee.length > e.oss.length ? 'gloo-ee' : 'gloo';
}

;// CONCATENATED MODULE: ./src/forms/manifests.ts
/**
 * Classifies every document of a file into the input forms of the rule catalog (section 1): Kubernetes
 * objects, gloo / gloo-ee chart values (plain, umbrella, Flux HelmRelease, Argo CD Application) and
 * the chart version that decides the defaults.
 */





// `{{ .Values.x }}`, `{{- if`, `{{$x := \u2026}}`, `{{/* \u2026 */}}`: what can follow `{{` in a Go template action.
const DIRECTIVE = /\{\{-?[\s.$(/A-Za-z_"]/g;
/**
 * A Helm template (Go template directives outside comments, quoted strings and block scalars) is not
 * YAML. With a successful parse the tree decides exactly (a directive inside a quoted or block scalar is
 * text; in a plain scalar or as a flow mapping it is a template); otherwise a line scan decides. Linear in
 * the size of the text.
 */
function isHelmTemplate(text, parse) {
    if (!text.includes('{{'))
        return false;
    if (parse && !parse.error)
        return templateInTree(text, parse);
    let lineStart = 0;
    let quote = '';
    let comment = false;
    // The last non-blank character of the line so far: a quote only opens a string where a scalar starts
    // (`it's {{ .x }}` is a plain scalar with an apostrophe, not a quoted one).
    let prev = '';
    let i = 0;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
        // Advance the per-line quote/comment state up to the directive, each character once.
        for (; i < m.index; i++) {
            const c = text[i];
            if (c === '\n' || c === '\r') {
                lineStart = i + 1;
                quote = '';
                comment = false;
                prev = '';
            }
            else if (comment)
                continue;
            else if (quote) {
                // `''` inside single quotes and `\"` inside double quotes do not close the string.
                if (quote === "'" && c === "'" && text[i + 1] === "'")
                    i++;
                else if (quote === '"' && c === '\\')
                    i++;
                else if (c === quote)
                    quote = '';
            }
            else if ((c === '"' || c === "'") && (prev === '' || ':-[{,?'.includes(prev)))
                quote = c;
            else if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t'))
                comment = true;
            if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r')
                prev = c;
        }
        if (!quote && !comment)
            return true;
    }
    return false;
}
function templateInTree(text, parse) {
    // Text ranges where `{{` is only text: quoted and block scalars. Plain scalars and flow maps are not.
    const literal = [];
    const code = [];
    for (const doc of parse.documents)
        for (const n of walk(doc.root)) {
            if (n.kind === 'scalar' && !n.empty)
                (n.style === 'plain' ? code : literal).push([n.start, n.end]);
            else if (n.kind === 'map' && n.flow && text[n.start] === '{')
                code.push([n.start, n.start + 1]);
        }
    const inside = (ranges, at) => {
        // Scalars never overlap one another, so a binary search over sorted starts finds the candidate.
        let lo = 0;
        let hi = ranges.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (ranges[mid][0] <= at)
                lo = mid;
            else
                hi = mid - 1;
        }
        return ranges.length > 0 && ranges[lo][0] <= at && at < ranges[lo][1];
    };
    literal.sort((a, b) => a[0] - b[0]);
    code.sort((a, b) => a[0] - b[0]);
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
        if (inside(literal, m.index))
            continue;
        // Outside every scalar and not opening a flow map: a comment.
        if (inside(code, m.index))
            return true;
    }
    return false;
}
function makeSourceFile(path, text, skipped, parsed) {
    const parse = skipped ? { documents: [], aliasCount: 0 } : parsed ?? parseDocuments(text);
    const lines = new LineIndex(text);
    return {
        path,
        text,
        lines,
        edit: new EditSource(text, parse.documents.map((d) => d.root), { lines }),
        parse,
        skipped
    };
}
/** Loads one file: parse (unless a Helm template), then classify each document. */
function loadFile(path, text, options = {}) {
    const parse = options.parse ?? parseDocuments(text);
    const skip = isHelmTemplate(text, parse) ? 'it is a Helm template (Go template directives), not YAML' : undefined;
    const file = makeSourceFile(path, text, skip, parse);
    const objects = [];
    const values = [];
    if (file.skipped || file.parse.error)
        return { file, objects, values };
    const base = basename(path);
    for (const doc of file.parse.documents) {
        const root = deref(doc.root);
        if (!root || root.kind !== 'map')
            continue;
        if (CHART_FILE.test(base)) {
            values.push(...umbrellaValues(file, doc, root, options));
            continue;
        }
        const obj = toKubeObject(file, doc, root);
        if (obj) {
            if (obj.kind === 'List') {
                for (const item of seqItems(getNode(root, ['items']))) {
                    if (item.kind !== 'map')
                        continue;
                    const inner = toKubeObject(file, doc, item);
                    if (!inner)
                        continue;
                    objects.push(inner);
                    values.push(...wrappedValues(inner, options));
                }
                continue;
            }
            objects.push(obj);
            values.push(...wrappedValues(obj, options));
            if (obj.kind === 'Kustomization')
                values.push(...kustomizeValues(file, doc, root, options));
            continue;
        }
        if (isSeqOfCharts(getNode(root, ['helmCharts']))) {
            values.push(...kustomizeValues(file, doc, root, options));
            continue;
        }
        if (isSeqOfCharts(getNode(root, ['releases']))) {
            values.push(...helmfileValues(file, doc, root, options));
            continue;
        }
        values.push(plainValues(file, doc, root, options));
    }
    return { file, objects, values };
}
const CHART_FILE = /^(Chart|requirements)\.ya?ml$/;
const basename = (p) => p.slice(p.lastIndexOf('/') + 1);
/** The folder of a repo-relative path ('' at the root). */
const dirOf = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
/**
 * A path relative to a repo folder, normalised (`a/b/../c` \u2192 `a/c`); undefined when it leaves the repository,
 * is absolute, a URL, or a template.
 */
function resolveRel(dir, rel) {
    if (!rel || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.includes('{{') || rel.startsWith('/'))
        return undefined;
    const parts = dir ? dir.split('/') : [];
    for (const seg of rel.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (!parts.length)
                return undefined;
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.join('/');
}
const isSeqOfCharts = (n) => seqItems(n).some((i) => str(i, ['chart']) !== undefined || str(i, ['name']) !== undefined);
function stringMap(node) {
    const out = {};
    for (const p of mapEntries(node))
        out[keyOf(p)] = asString(p.value) ?? '';
    return out;
}
function toKubeObject(file, doc, root) {
    const apiVersion = str(root, ['apiVersion']);
    const kind = str(root, ['kind']);
    if (!apiVersion || !kind)
        return null;
    const meta = getNode(root, ['metadata']);
    return {
        file,
        doc,
        root,
        apiVersion,
        kind,
        gvk: `${apiVersion}/${kind}`,
        name: str(meta, ['name']) ?? '',
        namespace: str(meta, ['namespace']),
        labels: stringMap(getNode(meta, ['labels'])),
        annotations: stringMap(getNode(meta, ['annotations']))
    };
}
/** A `Chart.yaml` text with a `gloo` / `gloo-ee` dependency (a cheap test; the loader reads it properly). */
function namesGlooDependency(chartYaml) {
    return /^\s*-?\s*name:\s*["']?gloo(-ee)?["']?\s*(#.*)?$/m.test(chartYaml);
}
/** The chart a reference names: `gloo` / `gloo-ee`, also as `<repo>/gloo` or an OCI reference ending in it. */
function chartName(name) {
    if (!name)
        return undefined;
    const base = name.replace(/[@:][^/]*$/, '').split('/').pop();
    return base === 'gloo' || base === 'gloo-ee' ? base : undefined;
}
const ossPathOf = (chart) => (chart === 'gloo-ee' ? ['gloo'] : []);
function makeValues(file, doc, form, chart, anchor, stack = []) {
    const layers = stack.flatMap((r) => (r.kind === 'inline' ? [r.layer] : [])).reverse();
    return { file, doc, form, chart, prefix: chart === 'gloo-ee' ? 'gloo.' : '', layers, stack, anchor, notes: [] };
}
const inline = (layer) => ({ kind: 'inline', layer });
/** A plain values document: a candidate, Gloo only on evidence or when a descriptor or the config names it. */
function plainValues(file, doc, root, options) {
    void options;
    const evidence = valuesEvidence(root);
    const chart = flavourOf(evidence);
    const v = makeValues(file, doc, chart === 'gloo-ee' ? 'enterprise-values' : 'values', chart, root, [
        inline({ root, ossPath: ossPathOf(chart), file, source: file.path })
    ]);
    v.evidence = evidence;
    return v;
}
/** `dependencies[]` of an umbrella `Chart.yaml` (v1: `requirements.yaml`) that name gloo / gloo-ee: one descriptor each. */
function umbrellaValues(file, doc, root, options) {
    void options;
    const out = [];
    for (const dep of seqItems(getNode(root, ['dependencies']))) {
        const chart = chartName(str(dep, ['name']));
        if (!chart || str(dep, ['name']) !== chart)
            continue;
        const key = str(dep, ['alias']) ?? chart;
        const v = makeValues(file, doc, 'umbrella', chart, getNode(dep, ['name']) ?? dep);
        v.prefix = `${key}.${chart === 'gloo-ee' ? 'gloo.' : ''}`;
        v.name = dirOf(file.path) || '.';
        const version = str(dep, ['version']);
        if (version)
            v.declaredVersion = { raw: version, source: `the ${basename(file.path)} dependency version` };
        const condition = str(dep, ['condition']);
        if (condition)
            v.condition = condition;
        out.push(v);
    }
    return out;
}
/** The ossPath of an umbrella's layers: `[alias]`, `[alias, 'gloo']` for gloo-ee. */
const umbrellaOssPath = (v) => v.prefix.split('.').filter(Boolean);
function wrappedValues(obj, options) {
    if (obj.kind === 'HelmRelease' && obj.apiVersion.startsWith('helm.toolkit.fluxcd.io/'))
        return fluxValues(obj, options);
    if (obj.kind === 'Application' && obj.apiVersion.startsWith('argoproj.io/'))
        return argoValues(obj, options);
    return [];
}
function fluxValues(obj, options) {
    void options;
    const chartSpec = getNode(obj.root, ['spec', 'chart', 'spec']);
    const chart = chartName(str(chartSpec, ['chart']));
    if (!chart)
        return [];
    const spec = getNode(obj.root, ['spec']);
    const ossPath = ossPathOf(chart);
    const stack = [];
    const file = obj.file;
    for (const f of seqItems(getNode(chartSpec, ['valuesFiles'])))
        stack.push({ kind: 'unresolved', what: `spec.chart.spec.valuesFiles '${asString(f) ?? ''}' (a file of the chart source)`, node: f });
    for (const item of seqItems(getNode(spec, ['valuesFrom']))) {
        const kind = str(item, ['kind']);
        const name = str(item, ['name']) ?? '';
        const optional = getNode(item, ['optional'])?.kind === 'scalar' && str(item, ['optional']) === 'true';
        if (kind === 'ConfigMap' && !getNode(item, ['targetPath']))
            stack.push({ kind: 'configmap', name, namespace: obj.namespace, key: str(item, ['valuesKey']) ?? 'values.yaml', ossPath, optional, origin: `spec.valuesFrom ConfigMap ${name}` });
        else if (!optional)
            stack.push({ kind: 'unresolved', what: `spec.valuesFrom ${kind ?? '?'} ${name}${getNode(item, ['targetPath']) ? ' (targetPath)' : ''}`, node: item });
    }
    const valuesNode = getNode(spec, ['values']);
    if (valuesNode?.kind === 'map')
        stack.push(inline({ root: valuesNode, ossPath, file, source: `HelmRelease ${obj.name} spec.values` }));
    const v = makeValues(file, obj.doc, 'helm-release', chart, valuesNode ?? spec, stack);
    v.wrapper = obj;
    v.name = `HelmRelease ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}`;
    v.namespace = str(spec, ['targetNamespace']) ?? obj.namespace;
    const version = str(chartSpec, ['version']);
    if (version)
        v.declaredVersion = { raw: version, source: 'the HelmRelease spec.chart.spec.version' };
    return [v];
}
function argoValues(obj, options) {
    void options;
    const spec = getNode(obj.root, ['spec']);
    const sources = [getNode(spec, ['source']), ...seqItems(getNode(spec, ['sources']))].filter((s) => !!s);
    const out = [];
    const file = obj.file;
    for (const source of sources) {
        const chart = chartName(str(source, ['chart']));
        const path = str(source, ['path']);
        if (!chart && (path === undefined || !getNode(source, ['helm'])))
            continue;
        const gitPath = !chart && path !== undefined ? resolveRel('', path) ?? undefined : undefined;
        if (!chart && gitPath === undefined)
            continue;
        const helm = getNode(source, ['helm']);
        const ossPath = chart ? ossPathOf(chart) : [];
        const stack = [];
        const ignoreMissing = str(helm, ['ignoreMissingValueFiles']) === 'true';
        for (const f of seqItems(getNode(helm, ['valueFiles']))) {
            const raw = asString(f) ?? '';
            const ref = /^\$[A-Za-z0-9_-]+\/(.*)$/.exec(raw);
            const target = ref ? resolveRel('', ref[1]) : gitPath !== undefined ? resolveRel(gitPath, raw) : undefined;
            if (target !== undefined)
                stack.push({ kind: 'file', path: target, ossPath, optional: ignoreMissing, origin: `valueFiles ${raw}` });
            else if (!ignoreMissing)
                stack.push({ kind: 'unresolved', what: `helm.valueFiles '${raw}'${chart ? ' (a file of the chart package)' : ''}`, node: f });
        }
        const notes = [];
        const valuesPair = query_findPair(helm, 'values');
        const vs = valuesPair ? deref(valuesPair.value) : null;
        if (vs && vs.kind === 'scalar' && !vs.empty) {
            const embedded = embedValues(file, vs);
            if (embedded.root)
                stack.push(inline({ root: embedded.root, ossPath, file, source: `Application ${obj.name} helm.values`, embedded: true }));
            else if (embedded.appendAt) {
                // Findings about missing keys point at the string's `|` header; fixes append inside the block.
                const empty = { kind: 'map', pairs: [], flow: false, start: vs.start, end: vs.start, parent: null };
                stack.push(inline({ root: empty, ossPath, file, source: `Application ${obj.name} helm.values`, embedded: true, appendAt: embedded.appendAt }));
            }
            if (embedded.note)
                notes.push({ node: vs, message: embedded.note });
        }
        else if (vs && vs.kind === 'map')
            stack.push(inline({ root: vs, ossPath, file, source: `Application ${obj.name} helm.values` }));
        const valuesObject = getNode(helm, ['valuesObject']);
        if (valuesObject?.kind === 'map')
            stack.push(inline({ root: valuesObject, ossPath, file, source: `Application ${obj.name} helm.valuesObject` }));
        const params = syntheticFromParameters(getNode(helm, ['parameters']));
        if (params)
            stack.push(inline({ root: params, ossPath, file, source: `Application ${obj.name} helm.parameters`, synthetic: true }));
        const v = makeValues(file, obj.doc, 'argo-application', chart ?? 'gloo', helm ?? source, stack);
        v.notes.push(...notes);
        v.wrapper = obj;
        v.name = `Application ${obj.namespace ? `${obj.namespace}/` : ''}${obj.name}${out.length ? `#${out.length + 1}` : ''}`;
        v.namespace = str(spec, ['destination', 'namespace']);
        if (gitPath !== undefined)
            v.chartPath = gitPath;
        const version = str(source, ['targetRevision']);
        if (chart && version)
            v.declaredVersion = { raw: version, source: 'the Application targetRevision' };
        out.push(v);
    }
    return out;
}
/** helmfile `releases[]` of the gloo / gloo-ee chart. */
function helmfileValues(file, doc, root, options) {
    void options;
    const out = [];
    const dir = dirOf(file.path);
    for (const release of seqItems(getNode(root, ['releases']))) {
        const chart = chartName(str(release, ['chart']));
        if (!chart)
            continue;
        const ossPath = ossPathOf(chart);
        const name = str(release, ['name']) ?? chart;
        const stack = [];
        for (const item of seqItems(getNode(release, ['values']))) {
            const d = deref(item);
            if (d?.kind === 'map')
                stack.push(inline({ root: d, ossPath, file, source: `helmfile release ${name} values` }));
            else {
                const raw = asString(d) ?? '';
                const target = /\.gotmpl$/.test(raw) ? undefined : resolveRel(dir, raw);
                if (target !== undefined)
                    stack.push({ kind: 'file', path: target, ossPath, origin: `helmfile values ${raw}` });
                else
                    stack.push({ kind: 'unresolved', what: `helmfile values '${raw}'`, node: item });
            }
        }
        for (const key of ['set', 'setString']) {
            const params = syntheticFromParameters(getNode(release, [key]));
            if (params)
                stack.push(inline({ root: params, ossPath, file, source: `helmfile release ${name} ${key}`, synthetic: true }));
        }
        const v = makeValues(file, doc, 'helmfile', chart, getNode(release, ['chart']) ?? release, stack);
        v.name = `helmfile release ${name}`;
        v.namespace = str(release, ['namespace']);
        const version = str(release, ['version']);
        if (version)
            v.declaredVersion = { raw: version, source: 'the helmfile release version' };
        out.push(v);
    }
    return out;
}
/** Kustomize `helmCharts[]` of the gloo / gloo-ee chart. */
function kustomizeValues(file, doc, root, options) {
    void options;
    const out = [];
    const dir = dirOf(file.path);
    const resources = seqItems(getNode(root, ['resources'])).flatMap((r) => {
        const p = resolveRel(dir, asString(r) ?? '');
        return p !== undefined ? [p] : [];
    });
    for (const item of seqItems(getNode(root, ['helmCharts']))) {
        const chart = chartName(str(item, ['name']));
        if (!chart || str(item, ['name']) !== chart)
            continue;
        const ossPath = ossPathOf(chart);
        const name = str(item, ['releaseName']) ?? chart;
        const fileRefs = [];
        const valuesFile = str(item, ['valuesFile']);
        if (valuesFile !== undefined) {
            const target = resolveRel(dir, valuesFile);
            fileRefs.push(target !== undefined ? { kind: 'file', path: target, ossPath, origin: `valuesFile ${valuesFile}` } : { kind: 'unresolved', what: `valuesFile '${valuesFile}'`, node: getNode(item, ['valuesFile']) });
        }
        const inlineNode = getNode(item, ['valuesInline']);
        const inlineRefs = inlineNode?.kind === 'map' ? [inline({ root: inlineNode, ossPath, file, source: `kustomize helmCharts ${name} valuesInline` })] : [];
        const merge = str(item, ['valuesMerge']) ?? 'override';
        const stack = merge === 'replace' && inlineRefs.length ? inlineRefs : merge === 'merge' ? [...inlineRefs, ...fileRefs] : [...fileRefs, ...inlineRefs];
        for (const extra of seqItems(getNode(item, ['additionalValuesFiles']))) {
            const raw = asString(extra) ?? '';
            const target = resolveRel(dir, raw);
            stack.push(target !== undefined ? { kind: 'file', path: target, ossPath, origin: `additionalValuesFiles ${raw}` } : { kind: 'unresolved', what: `additionalValuesFiles '${raw}'`, node: extra });
        }
        const v = makeValues(file, doc, 'kustomize', chart, getNode(item, ['name']) ?? item, stack);
        v.name = `${dir || '.'} (kustomize ${name})`;
        v.namespace = str(item, ['namespace']) ?? str(root, ['namespace']);
        v.resources = resources;
        const version = str(item, ['version']);
        if (version)
            v.declaredVersion = { raw: version, source: 'the kustomize helmCharts version' };
        out.push(v);
    }
    return out;
}
/**
 * Parses the YAML string of `spec.source.helm.values` and moves every offset of the inner tree to the
 * outer file, so findings and fixes land on the outer file's lines. Only literal block scalars (`|`)
 * keep a line-for-line mapping; other styles are checked only when they hold a single line.
 */
function embedValues(file, scalar) {
    const inner = scalar.value;
    const parsed = parseDocuments(inner);
    if (parsed.error)
        return { root: null, note: `spec.source.helm.values is not valid YAML (line ${parsed.error.line} of the string: ${parsed.error.message}); it was not checked.` };
    const root = deref(parsed.documents[0]?.root ?? null);
    if (!root || root.kind !== 'map') {
        // A literal block with only comments (or blank) is still the place for values: keys are appended inside it.
        if (scalar.style === 'literal' && !parsed.documents.some((d) => d.root && deref(d.root)?.kind !== 'scalar'))
            return { root: null, appendAt: { offset: file.edit.nextLineStart(scalar.end), column: scalar.blockIndent ?? file.lines.positionAt(scalar.start).column + 1 } };
        return { root: null };
    }
    if (scalar.style !== 'literal') {
        // A one-line string maps column for column only if no escape (`\"`, `''`) shifted its characters.
        const q = scalar.style === 'plain' ? 0 : 1;
        if (scalar.style === 'folded' || inner.includes('\n') || file.text.slice(scalar.start + q, scalar.end - q) !== inner)
            return { root: null, note: `spec.source.helm.values is a ${scalar.style} string whose lines cannot be mapped back to this file; use a literal block (|) to have it checked.` };
    }
    const innerLines = new LineIndex(inner);
    const literal = scalar.style === 'literal';
    // A literal block's content starts on the line after its `|` header, indented by blockIndent.
    const firstLine = file.lines.positionAt(scalar.start).line + (literal ? 1 : 0);
    const baseCol = literal ? scalar.blockIndent ?? 0 : file.lines.positionAt(scalar.start).column - 1 + (scalar.style === 'plain' ? 0 : 1);
    const map = (o) => {
        const p = innerLines.positionAt(o);
        const line = firstLine + p.line - 1;
        if (line > file.lines.lineCount)
            return scalar.end;
        const ls = file.lines.lineStart(line);
        return Math.min(ls + baseCol + p.column - 1, Math.max(file.lines.lineEnd(line), ls), scalar.end);
    };
    remapOffsets(root, map);
    return { root };
}
/**
 * Builds a values tree from Argo `helm.parameters` (`name: a.b.c`, `value: x`): the leaves are the real
 * `value` nodes of the file (so they can be replaced in place), the maps in between are synthetic.
 */
function syntheticFromParameters(params) {
    const items = seqItems(params);
    if (!items.length)
        return null;
    const root = { kind: 'map', pairs: [], flow: false, start: params.start, end: params.end, parent: null };
    // Each map's pairs by key, kept here while the maps are built (findPair's index of a large map is made once).
    const keys = new Map([[root, new Map()]]);
    for (const item of items) {
        const name = str(item, ['name']);
        const valuePair = query_findPair(item, 'value');
        if (!name || !valuePair)
            continue;
        const parts = name.split(/(?<!\\)\./).map((s) => s.replace(/\\\./g, '.'));
        let m = root;
        for (let i = 0; i < parts.length; i++) {
            const last = i === parts.length - 1;
            const byKey = keys.get(m);
            const existing = byKey.get(parts[i]);
            const keyNode = { kind: 'scalar', value: parts[i], style: 'plain', empty: false, start: item.start, end: item.end, parent: m };
            if (last) {
                const pair = { key: keyNode, value: valuePair.value };
                if (existing)
                    m.pairs.splice(m.pairs.indexOf(existing), 1);
                m.pairs.push(pair);
                byKey.set(parts[i], pair);
            }
            else {
                let next = existing ? deref(existing.value) : null;
                if (!next || next.kind !== 'map') {
                    next = { kind: 'map', pairs: [], flow: false, start: item.start, end: item.end, parent: m };
                    const pair = { key: keyNode, value: next };
                    m.pairs.push(pair);
                    byKey.set(parts[i], pair);
                    keys.set(next, new Map());
                }
                m = next;
            }
        }
    }
    return root;
}

;// CONCATENATED MODULE: ./src/io/files.ts
/** Reading manifest files from a checkout safely: no symlink escapes, no oversize or binary reads, any BOM. */






const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);
const VALUES_FILE = /^values[^/]*\.ya?ml$/i;
/** C0 controls and DEL: never valid in a path we report, and a log-injection vector in annotations. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** How many files `plannedBytes` asks the size of at once (files are read one at a time, with blocking calls). */
const STAT_CONCURRENCY = 16;
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Renders control characters visibly, so a hostile file name cannot forge output lines. */
function printablePath(p) {
    return p.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function excluder(exclude) {
    if (!exclude.length)
        return () => false;
    const match = picomatch_default()(exclude, { dot: true });
    return (rel) => match(rel);
}
const toPosix = (p) => (external_node_path_namespaceObject.sep === '/' ? p : p.split(external_node_path_namespaceObject.sep).join('/'));
/**
 * Walks `dir` (absolute) below `root`, returning repo-relative manifest paths. Symlinked folders are not entered.
 * Blocking calls: a walk has nothing to do while it waits, and a folder listed through libuv's thread pool cost
 * about ten times as much (2,700 folders: 250 ms against 25).
 */
function files_walk(root, dir, excluded, out, errors, chartless, folder = toPosix((0,external_node_path_namespaceObject.relative)(root, dir))) {
    let entries;
    try {
        entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
    }
    catch (err) {
        const rel = folder || '.';
        errors?.push({ path: rel, message: `${printablePath(rel)}: cannot be read (${err.code ?? 'error'})` });
        return;
    }
    // Below root, each name's path is its folder's and the name (no path resolution per entry or folder).
    let chart = false;
    for (const e of entries) {
        const rel = folder ? `${folder}/${e.name}` : e.name;
        if (e.name === 'Chart.yaml')
            chart = true;
        if (e.isDirectory()) {
            if (SKIP_DIRS.has(e.name) || excluded(rel))
                continue;
            files_walk(root, (0,external_node_path_namespaceObject.join)(dir, e.name), excluded, out, errors, chartless, rel);
        }
        else if ((e.isFile() || e.isSymbolicLink()) && MANIFEST_EXT.test(e.name) && !excluded(rel)) {
            // A symlinked file is listed; readRepoFile decides whether its target may be read.
            out.push(rel);
        }
    }
    if (!chart)
        chartless?.add(dir);
}
/** Every manifest file (`.yaml`, `.yml`, `.json`) under root, repo-relative, sorted. */
async function listRepoFiles(root, opts) {
    const out = [];
    files_walk(resolve(root), resolve(root), excluder(opts.exclude), out);
    return out.sort(byCodeUnit);
}
/**
 * Expands files and folders named on the command line (relative to cwd) into read files. Folders are walked
 * for `.yaml`/`.yml`/`.json`; a named file is read whatever its extension. A path that does not exist, or lies
 * outside cwd, is an error naming it. `excludeBase`: the folder the exclude globs are relative to (default cwd).
 */
async function collectFiles(paths, opts) {
    const { plan, errors } = await findFiles(paths, opts);
    return { files: await readFiles(plan, opts), errors };
}
/** The first half of collectFiles: which files, without reading them. */
async function findFiles(paths, opts) {
    const root = (0,external_node_path_namespaceObject.resolve)(opts.cwd);
    // The exclude globs are written relative to excludeBase (the repository root, which may hold cwd): match the
    // files' paths from there.
    const match = excluder(opts.exclude);
    const globBase = opts.excludeBase === undefined ? root : (0,external_node_path_namespaceObject.resolve)(opts.excludeBase);
    const excluded = globBase === root ? match : (rel) => match(toPosix((0,external_node_path_namespaceObject.relative)(globBase, (0,external_node_path_namespaceObject.resolve)(root, rel))));
    const errors = [];
    // Each file is read relative to a base it may not escape: cwd for paths inside it; for a path the user named
    // outside cwd (`../other-repo/deploy`), that folder itself (or the named file's folder).
    const jobs = new Map();
    const chartless = new Set();
    const add = (base, rel) => {
        // Below cwd the path is already the one reported: the walk's, or a named file's (relative and posix).
        const display = base === root ? rel : toPosix((0,external_node_path_namespaceObject.relative)(root, (0,external_node_path_namespaceObject.resolve)(base, rel)));
        if (!jobs.has(display))
            jobs.set(display, { base, rel });
    };
    // cwd's real path, once (a pre-commit hook may name thousands of folders).
    let realRoot;
    for (const p of paths) {
        const abs = (0,external_node_path_namespaceObject.resolve)(root, p);
        const rel = toPosix((0,external_node_path_namespaceObject.relative)(root, abs));
        const outside = rel === '..' || rel.startsWith('../') || (0,external_node_path_namespaceObject.isAbsolute)(rel);
        let st;
        try {
            st = await promises_namespaceObject.stat(abs);
        }
        catch (err) {
            const code = err.code;
            const why = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : `cannot be read (${code ?? 'error'})`;
            errors.push({ path: p, message: `${printablePath(p)}: ${why}` });
            continue;
        }
        if (st.isDirectory()) {
            if (!outside && rel !== '' && excluded(rel))
                continue;
            const base = outside ? abs : root;
            // A named folder inside cwd that is a symlink out of it would list outside file names, even if none is read.
            if (!outside && !inside((realRoot ??= await promises_namespaceObject.realpath(root)), await promises_namespaceObject.realpath(abs))) {
                errors.push({ path: p, message: `${printablePath(p)}: resolves outside the working directory (${printablePath(root)})` });
                continue;
            }
            const found = [];
            files_walk(base, abs, outside ? excluder([]) : excluded, found, errors, chartless);
            for (const f of found)
                add(base, f);
        }
        else if (outside) {
            add((0,external_node_path_namespaceObject.dirname)(abs), (0,external_node_path_namespaceObject.basename)(abs));
        }
        else if (rel !== '' && !excluded(rel)) {
            add(root, rel);
        }
    }
    const files = [...jobs.keys()].sort(byCodeUnit).map((path) => ({ path, ...jobs.get(path) }));
    return { plan: { root, files, chartless }, errors };
}
/**
 * The bytes of the planned files, from their sizes on disk (a file that cannot be stat'ed counts 0); counting
 * stops once the total reaches `enough`.
 */
async function plannedBytes(plan, enough = Infinity) {
    let total = 0;
    let next = 0;
    const worker = async () => {
        while (next < plan.files.length && total < enough) {
            const f = plan.files[next++];
            // Not `total += await \u2026`: that reads total before the await, and concurrent stats would lose sizes.
            const size = await promises_namespaceObject.stat((0,external_node_path_namespaceObject.resolve)(f.base, f.rel)).then((s) => s.size, () => 0);
            total += size;
        }
    };
    await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, plan.files.length) }, worker));
    return total;
}
/** The second half of collectFiles: reads the planned files in the plan's order. */
async function readFiles(plan, opts) {
    const files = [];
    for await (const f of readEach(plan, opts))
        files.push(f);
    return files;
}
/**
 * The planned files one by one, in the plan's order. Each is read with blocking calls when its turn comes: a read
 * through libuv's thread pool (open, stat, read, close, each a round trip) cost more than the read itself, and a
 * scan has nothing to do while it waits (2,700 files: 73 ms against about 60).
 */
async function* readEach(plan, opts) {
    const read = { maxFileSize: opts.maxFileSize, realDirs: new Map(), rereadable: opts.rereadable, chartless: plan.chartless };
    for (const job of plan.files) {
        const file = readSafely(job.base, job.rel, read, true);
        yield job.base === plan.root ? file : { ...file, path: job.path };
    }
}
/** A `..` segment, between slashes or backslashes or at either end. */
const PARENT_SEGMENT = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
function badName(rel) {
    if (!rel)
        return 'its name is empty';
    if (CONTROL.test(rel))
        return 'its name contains control characters';
    if (rel.startsWith('/') || rel.startsWith('\\') || /^[A-Za-z]:/.test(rel) || (0,external_node_path_namespaceObject.isAbsolute)(rel))
        return 'it is an absolute path';
    if (PARENT_SEGMENT.test(rel))
        return "its path contains '..'";
    return undefined;
}
const inside = (root, p) => p === root || p.startsWith(root.endsWith(external_node_path_namespaceObject.sep) ? root : root + external_node_path_namespaceObject.sep);
/**
 * Reads one repo-relative file under root. Never throws: anything that cannot or must not be read comes back
 * with `skipped` set (the engine turns it into a `file-skipped` notice). A symlink may point anywhere inside
 * root, never outside it; the reason given never names the link's target.
 */
async function readRepoFile(root, rel, opts) {
    return readSafely(root, rel, opts, true);
}
/** realpath of a folder (relative to cwd, as `resolve` takes it), once per run when a cache is given. */
function realDir(dir, opts) {
    const cache = opts.realDirs;
    if (!cache)
        return external_node_fs_namespaceObject.realpathSync.native((0,external_node_path_namespaceObject.resolve)(dir));
    let hit = cache.get(dir);
    if (hit === undefined)
        cache.set(dir, (hit = external_node_fs_namespaceObject.realpathSync.native((0,external_node_path_namespaceObject.resolve)(dir))));
    return hit;
}
function readSafely(root, rel, opts, withChart) {
    const bad = badName(rel);
    if (bad)
        return { path: printablePath(rel), text: '', skipped: bad };
    const path = toPosix(rel);
    const skip = (reason) => ({ path, text: '', skipped: reason });
    const missing = (err) => {
        const code = err.code;
        return skip(code === 'ENOENT' ? 'it does not exist (or is a broken symlink)' : `it could not be read (${code ?? 'error'})`);
    };
    // O_NOFOLLOW: the path opened must not be (or have become) a symlink; O_NONBLOCK: opening a FIFO must not
    // hang the run.
    const flags = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
    let realRoot;
    let realFolder;
    let abs;
    try {
        realRoot = realDir(root, opts);
        abs = (0,external_node_path_namespaceObject.resolve)(realRoot, rel);
        // The folder's real path catches a symlinked parent.
        realFolder = realDir((0,external_node_path_namespaceObject.dirname)(abs), opts);
    }
    catch (err) {
        return missing(err);
    }
    if (!inside(realRoot, realFolder))
        return skip('it is a symlink that resolves outside the repository');
    let fd;
    let opened = (0,external_node_path_namespaceObject.join)(realFolder, (0,external_node_path_namespaceObject.basename)(abs));
    if (external_node_fs_namespaceObject.constants.O_NOFOLLOW !== undefined) {
        // Most files are no symlink: open the leaf in its real folder directly. O_NOFOLLOW refuses a symlinked leaf
        // (ELOOP), which is then resolved below (it may point anywhere inside root, or back in from outside).
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(opened, flags);
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT')
                return missing(err);
            if (code !== 'ELOOP' && code !== 'EMLINK')
                return skip(`it could not be opened (${code ?? 'error'})`);
        }
    }
    if (fd === undefined) {
        let realFile;
        try {
            realFile = external_node_fs_namespaceObject.realpathSync.native(abs);
        }
        catch (err) {
            return missing(err);
        }
        if (!inside(realRoot, realFile))
            return skip('it is a symlink that resolves outside the repository');
        opened = realFile;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(realFile, flags);
        }
        catch (err) {
            return skip(`it could not be opened (${err.code ?? 'error'})`);
        }
    }
    let bytes;
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!st.isFile())
            return skip('it is not a regular file');
        if (st.size > opts.maxFileSize)
            return skip(`it is ${st.size} bytes, over max-file-size (${opts.maxFileSize})`);
        const read = readBounded(fd, st.size);
        if (!read)
            return skip('it changed while being read');
        bytes = read;
    }
    catch (err) {
        return skip(`it could not be read (${err.code ?? 'error'})`);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    const decoded = decode(bytes);
    if ('skipped' in decoded)
        return skip(decoded.skipped);
    const file = { path, text: decoded.text };
    if (decoded.encoding !== 'utf-8')
        file.encoding = decoded.encoding;
    if (opts.rereadable)
        file.reread = () => rereadSync(opened, flags, opts.maxFileSize);
    // Most values files have no Chart.yaml beside them: asked first (a failed open costs an exception).
    if (withChart && VALUES_FILE.test((0,external_node_path_namespaceObject.basename)(path)) && !opts.chartless?.has((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.resolve)(root, rel))) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(realFolder, 'Chart.yaml'))) {
        const chartRel = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/Chart.yaml` : 'Chart.yaml';
        const chart = readSafely(root, chartRel, opts, false);
        if (!chart.skipped && namesGlooDependency(chart.text))
            file.siblingChart = chart.text;
    }
    return file;
}
/**
 * The text of a file read before, read again from the real path it was opened at: undefined when it is gone, is
 * no longer a regular file within max-file-size, or no longer decodes.
 */
function rereadSync(realPath, flags, maxFileSize) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(realPath, flags);
    }
    catch {
        return undefined;
    }
    try {
        const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        if (!st.isFile() || st.size > maxFileSize)
            return undefined;
        const bytes = readBounded(fd, st.size);
        const decoded = bytes && decode(bytes);
        return decoded && !('skipped' in decoded) ? decoded.text : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** Reads the size fstat gave; undefined when the file grew meanwhile (so it can never exceed max-file-size). */
function readBounded(fd, size) {
    const buf = Buffer.allocUnsafe(size + 1);
    let n = 0;
    for (;;) {
        const want = buf.length - n;
        const bytesRead = (0,external_node_fs_namespaceObject.readSync)(fd, buf, n, want, null);
        n += bytesRead;
        if (n > size)
            return undefined;
        // A regular file reads short only at its end: no further call to be told so.
        if (bytesRead < want)
            break;
    }
    return buf.subarray(0, n);
}
/**
 * Decodes a file. A UTF-16 file is recognised only by its BOM; any BOM is kept as U+FEFF at the start of the
 * text (js-yaml skips it, offsets stay string indices, LineIndex does not count it as a column), so a fixed
 * file is written back byte-for-byte in its own encoding.
 */
function decode(bytes) {
    let encoding = 'utf-8';
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
        encoding = 'utf-16le';
    else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
        encoding = 'utf-16be';
    if (encoding === 'utf-8' && bytes.includes(0))
        return { skipped: 'it is a binary file (it contains NUL bytes)' };
    let text;
    if (encoding === 'utf-8') {
        // Checked, then decoded by Buffer (a BOM stays U+FEFF, as with ignoreBOM): cheaper than a fatal TextDecoder.
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(bytes))
            return { skipped: 'it is not valid UTF-8' };
        return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding };
    }
    try {
        text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        return { skipped: `it is not valid ${encoding.toUpperCase()}` };
    }
    if (text.includes('\u0000'))
        return { skipped: 'it is a binary file (it contains NUL characters)' };
    return { text, encoding };
}
/** Encodes text back into a file's own encoding (the BOM, if any, is part of the text). */
function encode(text, encoding = 'utf-8') {
    if (encoding === 'utf-8')
        return Buffer.from(text, 'utf8');
    const le = Buffer.from(text, 'utf16le');
    return encoding === 'utf-16le' ? le : le.swap16();
}
/**
 * Writes a fixed file in place, under the same rules as reading it: the name must be acceptable and the file
 * (after symlinks) must be a regular file inside root. Throws with a message naming the path otherwise.
 */
async function writeRepoFile(root, rel, text, encoding) {
    const bad = badName(rel);
    if (bad)
        throw new Error(`${printablePath(rel)}: not written: ${bad}`);
    const realRoot = await promises_namespaceObject.realpath((0,external_node_path_namespaceObject.resolve)(root));
    const abs = (0,external_node_path_namespaceObject.resolve)(realRoot, rel);
    const realFolder = await promises_namespaceObject.realpath((0,external_node_path_namespaceObject.dirname)(abs));
    const realFile = await promises_namespaceObject.realpath(abs);
    if (!inside(realRoot, realFolder) || !inside(realRoot, realFile))
        throw new Error(`${rel}: not written: it resolves outside the repository`);
    const handle = await promises_namespaceObject.open(realFile, external_node_fs_namespaceObject.constants.O_WRONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0) | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0));
    try {
        if (!(await handle.stat()).isFile())
            throw new Error(`${rel}: not written: it is not a regular file`);
        await handle.truncate(0);
        await handle.writeFile(encode(text, encoding));
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/cli-heap.ts
/**
 * Large inputs, for the CLI: the main thread's heap tuned while the run goes on, so that a run's peak stays near
 * what it keeps alive.
 *
 * Left alone, V8 grows its heap with the allocation rate, not with what is alive. The young generation grows to
 * 64 MB, and the old generation to several times the live heap between full collections: a 20 MB scan peaks at
 * 400\u2013600 MB. Two of V8's flags are read as the heap grows, so setting them while the process runs still takes
 * effect (docs/benchmarks.md, round 4):
 * - `--heap-growing-percent`: how far the old generation may grow past what is alive before the next full
 *   collection;
 * - `--semi-space-growth-factor=1`: once the young generation is large enough to be fast, it grows no more.
 *
 * A worker thread with a heap made for it did the same job before, for 35\u201355 MB more (a second isolate and a
 * second copy of the bundle, and its report handed through the main thread) and no gain in time. Small inputs
 * are left alone: node:v8 is loaded only here (start-up).
 */

/** Inputs of at least this many bytes get a tuned heap (GLOO_HARDEN_HEAP_MIN_BYTES overrides; -1 never). */
const LARGE_INPUT_BYTES = 4 * 1024 * 1024;
/** How much the old generation may grow past what is alive before a full collection, in percent. */
const HEAP_GROWING_PERCENT = 15;
/** The young generation stops growing once its new space reaches this size, in MB. */
const NEW_SPACE_MB = 8;
/** The new space is looked at every this many files (a look costs a few microseconds). */
const EVERY = 8;
function largeInputBytes() {
    const raw = process.env.GLOO_HARDEN_HEAP_MIN_BYTES;
    const v = Number(raw);
    return raw !== undefined && raw !== '' && Number.isFinite(v) ? (v < 0 ? Infinity : v) : LARGE_INPUT_BYTES;
}
/** Whether a plan is large enough for a tuned heap. */
async function wantsHeapTuning(plan) {
    const min = largeInputBytes();
    return Number.isFinite(min) && (await plannedBytes(plan, min)) >= min;
}
/**
 * Tunes the heap for a large run, and returns what the run calls once per file it reads or checks: it stops the
 * young generation's growth once it is large enough.
 */
async function tuneHeap() {
    const v8 = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 877, 23));
    v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    let files = 0;
    let frozen = false;
    return () => {
        if (frozen || ++files % EVERY)
            return;
        const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
        if (newSpace && newSpace.space_size >= NEW_SPACE_MB * 1024 * 1024) {
            v8.setFlagsFromString('--semi-space-growth-factor=1');
            frozen = true;
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/size.ts
/** Sizes as people write them, shared by the action input and the config file: `524288`, `512k`, `5MB`, `5 MiB`. */
const SIZE_UNITS = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };
/** Bytes (binary units, as most tools show file sizes); undefined when the text is not a size or not positive. */
function bytesOf(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
    const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
    if (!m || unit === undefined)
        return undefined;
    const bytes = Math.floor(Number(m[1]) * unit);
    return bytes > 0 ? bytes : undefined;
}

;// CONCATENATED MODULE: ./src/engine/config.ts
/** The config file (`.github/gloo-harden.yml`): rules off or re-severitied, paths excluded, chart version pinned. */





const DEFAULT_CONFIG_PATH = '.github/gloo-harden.yml';
const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
const defaultConfig = () => ({ rules: {}, exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE });
class ConfigError extends Error {
}
const SETTINGS = new Set(['off', 'notice', 'warning', 'error']);
/**
 * Parses a config file. Throws ConfigError naming the file and the offending key for anything it does not
 * understand, so a typo never silently turns a rule back on.
 */
function parseConfig(text, path, knownRules) {
    let raw;
    try {
        // loadAll: js-yaml 5's load() rejects an empty (or comments-only) file, which is a valid, empty config.
        const docs = loadAll(text, { filename: path });
        if (docs.length > 1)
            throw new ConfigError(`${path}: the config must be a single YAML document`);
        raw = docs[0];
    }
    catch (err) {
        if (err instanceof ConfigError)
            throw err;
        const e = err;
        throw new ConfigError(`${path}:${(e.mark?.line ?? 0) + 1}:${(e.mark?.column ?? 0) + 1}: invalid YAML: ${e.reason ?? String(err)}`);
    }
    const config = defaultConfig();
    if (raw === null || raw === undefined)
        return config;
    if (typeof raw !== 'object' || Array.isArray(raw))
        throw new ConfigError(`${path}: the config must be a mapping`);
    for (const [key, value] of Object.entries(raw)) {
        switch (key) {
            case 'rules': {
                if (value === null)
                    break;
                if (typeof value !== 'object' || Array.isArray(value))
                    throw new ConfigError(`${path}: rules must map rule ids to off|notice|warning|error`);
                for (const [id, setting] of Object.entries(value)) {
                    if (!knownRules.has(id))
                        throw new ConfigError(`${path}: rules.${id}: unknown rule id`);
                    const s = setting === false ? 'off' : String(setting);
                    if (!SETTINGS.has(s))
                        throw new ConfigError(`${path}: rules.${id}: '${String(setting)}' is not one of off, notice, warning, error`);
                    config.rules[id] = s;
                }
                break;
            }
            case 'exclude':
                if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
                    throw new ConfigError(`${path}: exclude must be a list of globs`);
                config.exclude = value;
                break;
            case 'gloo-version':
            case 'glooVersion':
                if (value === null || value === undefined)
                    break;
                // YAML reads an unquoted 1.10 as the number 1.1: refuse numbers rather than pin the wrong chart.
                if (typeof value !== 'string')
                    throw new ConfigError(`${path}: ${key}: write the version as a quoted string, e.g. '1.17.3'`);
                if (!parseVersion(value))
                    throw new ConfigError(`${path}: ${key}: '${value}' is not a version`);
                config.glooVersion = value;
                break;
            case 'max-file-size':
            case 'maxFileSize':
                {
                    // The same units as the action input: bytes, or `512k`, `5MB`, `5 MiB`.
                    const bytes = typeof value === 'number' || typeof value === 'string' ? bytesOf(value) : undefined;
                    if (bytes === undefined)
                        throw new ConfigError(`${path}: max-file-size must be a positive size: bytes, or a number with k/KB/M/MB (e.g. 512k, 5MB)`);
                    config.maxFileSize = bytes;
                }
                break;
            case 'inputs':
                config.inputs = parseInputs(value, path);
                break;
            case 'installs':
                config.installs = parseInstalls(value, path);
                break;
            default:
                throw new ConfigError(`${path}: unknown key '${key}' (expected rules, exclude, gloo-version, max-file-size, inputs, installs)`);
        }
    }
    return config;
}
const isGlobList = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
function parseInputs(value, path) {
    if (value === null || value === undefined)
        return { gloo: [], ignore: [] };
    if (typeof value !== 'object' || Array.isArray(value))
        throw new ConfigError(`${path}: inputs must be a mapping with gloo and ignore lists of globs`);
    const out = { gloo: [], ignore: [] };
    for (const [k, v] of Object.entries(value)) {
        if (k !== 'gloo' && k !== 'ignore')
            throw new ConfigError(`${path}: inputs.${k}: unknown key (expected gloo, ignore)`);
        if (!isGlobList(v))
            throw new ConfigError(`${path}: inputs.${k} must be a list of globs`);
        out[k] = v;
    }
    return out;
}
const INSTALL_KEYS = ['name', 'chart', 'version', 'prefix', 'values', 'manifests', 'complete', 'fixTarget'];
function parseInstalls(value, path) {
    if (value === null || value === undefined)
        return [];
    if (!Array.isArray(value))
        throw new ConfigError(`${path}: installs must be a list`);
    const names = new Set();
    return value.map((raw, i) => {
        const at = `${path}: installs[${i}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
            throw new ConfigError(`${at} must be a mapping`);
        const o = raw;
        for (const k of Object.keys(o))
            if (!INSTALL_KEYS.includes(k))
                throw new ConfigError(`${at}.${k}: unknown key (expected ${INSTALL_KEYS.join(', ')})`);
        if (typeof o.name !== 'string' || !o.name)
            throw new ConfigError(`${at}.name: a name is required`);
        if (names.has(o.name))
            throw new ConfigError(`${at}.name: '${o.name}' is declared twice`);
        names.add(o.name);
        if (o.chart !== undefined && o.chart !== 'gloo' && o.chart !== 'gloo-ee')
            throw new ConfigError(`${at}.chart: '${String(o.chart)}' is not gloo or gloo-ee`);
        if (o.version !== undefined && (typeof o.version !== 'string' || !parseVersion(o.version)))
            throw new ConfigError(`${at}.version: write the version as a quoted string, e.g. '1.17.3'`);
        if (o.prefix !== undefined && typeof o.prefix !== 'string')
            throw new ConfigError(`${at}.prefix must be a string such as "" or "gloo-ee."`);
        if (!isGlobList(o.values) || !o.values.length)
            throw new ConfigError(`${at}.values must be a non-empty list of globs, in precedence order`);
        if (o.manifests !== undefined && !isGlobList(o.manifests))
            throw new ConfigError(`${at}.manifests must be a list of globs`);
        if (o.complete !== undefined && typeof o.complete !== 'boolean')
            throw new ConfigError(`${at}.complete must be true or false`);
        if (o.fixTarget !== undefined && typeof o.fixTarget !== 'string')
            throw new ConfigError(`${at}.fixTarget must be a file path`);
        const ci = { name: o.name, values: o.values };
        if (o.chart)
            ci.chart = o.chart;
        if (o.version)
            ci.version = o.version;
        if (o.prefix !== undefined)
            ci.prefix = o.prefix;
        if (o.manifests)
            ci.manifests = o.manifests;
        if (o.complete !== undefined)
            ci.complete = o.complete;
        if (o.fixTarget)
            ci.fixTarget = o.fixTarget;
        return ci;
    });
}
/**
 * The globs (and paths) of a config, rebased from the folder they are written against (the repository root:
 * the folder holding `.github/`) onto a working directory `prefix` below it (forward slashes, e.g. `deploy/eu`),
 * so that they match the cwd-relative paths the CLI lints and reports. `exclude` is not rebased: the reader
 * matches it against root-relative paths itself (findFiles' `excludeBase`).
 */
function rebaseConfig(config, prefix) {
    if (!prefix)
        return config;
    const globs = (list) => [...new Set(list.flatMap((g) => rebaseGlob(g, prefix)))];
    const out = { ...config };
    if (config.inputs)
        out.inputs = { gloo: globs(config.inputs.gloo), ignore: globs(config.inputs.ignore) };
    if (config.installs)
        out.installs = config.installs.map((i) => {
            const r = { ...i, values: globs(i.values) };
            if (i.manifests)
                r.manifests = globs(i.manifests);
            if (i.fixTarget)
                r.fixTarget = rebasePath(i.fixTarget, prefix);
            return r;
        });
    return out;
}
/** A root-relative path as a path relative to the folder `prefix` below the root (`../` where it lies outside). */
function rebasePath(path, prefix) {
    const p = external_node_path_namespaceObject.posix.normalize(path.replace(/^\.\//, ''));
    return external_node_path_namespaceObject.posix.relative(`/${prefix}`, `/${p}`);
}
/**
 * The globs that match, relative to the folder `prefix`, what `glob` matches relative to the root: its leading
 * segments are matched against the prefix's folders (`**` taking none or several), and what remains is the glob
 * below the folder; a glob that leaves the folder earlier gets `../` for each folder it leaves. Empty when it
 * can match nothing below or beside the folder. A brace or extglob that spans folders (`{a/b,c}/x`) is kept
 * whole, unrebased.
 */
function rebaseGlob(glob, prefix) {
    if (!prefix)
        return [glob];
    const dirs = prefix.split('/').filter(Boolean);
    const segs = glob.replace(/^\.\//, '').split('/');
    // A segment with an unbalanced brace, bracket or parenthesis belongs to a pattern that spans folders.
    const balanced = (s) => [...'{[('].every((open, k) => s.split(open).length === s.split('}])'[k]).length);
    if (!segs.every(balanced))
        return [glob];
    const out = new Set();
    const seen = new Set();
    const go = (i, j) => {
        const state = `${i},${j}`;
        if (seen.has(state))
            return;
        seen.add(state);
        if (i === segs.length)
            return;
        if (j === dirs.length) {
            out.add(segs.slice(i).join('/'));
            return;
        }
        // A path outside the folder, `../` \u00d7 (folders left) + the rest: the rest need not start with dirs[j].
        out.add(`${'../'.repeat(dirs.length - j)}${segs.slice(i).join('/')}`);
        if (segs[i] === '**') {
            go(i + 1, j);
            go(i, j + 1);
        }
        else if (picomatch_default().isMatch(dirs[j], segs[i], { dot: true }))
            go(i + 1, j + 1);
    };
    go(0, 0);
    return [...out];
}

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/gloo/installs.ts
/**
 * Installs: which files make one release of gloo / gloo-ee (catalog section 1A). From what pass 1 learnt of each
 * file (plain data, no trees), puts together every install's ordered values layers, its anchors, and decides
 * which manifests belong to which install. Pure: no I/O, no trees.
 */



const baseOf = (p) => p.slice(p.lastIndexOf('/') + 1);
const join = (dir, name) => (dir ? `${dir}/${name}` : name);
const installs_byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const OVERLAY = /^values[-.](.+)\.ya?ml$/;
/** Plans the installs of a run from its files' declarations. */
function planInstalls(files, config = {}) {
    const byPath = new Map(files.map((f) => [f.path, f]));
    // Siblings are looked up by folder: one pass, not one scan of every file per file.
    const byDir = new Map();
    for (const f of files) {
        const list = byDir.get(dirOf(f.path));
        if (list)
            list.push(f);
        else
            byDir.set(dirOf(f.path), [f]);
    }
    const isGlooInput = config.gloo?.length ? picomatch_default()(config.gloo, { dot: true }) : () => false;
    const isIgnored = config.ignore?.length ? picomatch_default()(config.ignore, { dot: true }) : () => false;
    const installs = [];
    /** Files that are a layer of a descriptor's or the config's install: never an install alone. */
    const layered = new Set();
    const valuesDoc = (path) => byPath.get(path)?.values.find((v) => v.evidence !== undefined);
    const fileLayer = (path, ossPath, optional, what) => {
        if (byPath.has(path)) {
            layered.add(path);
            return { kind: 'file', path, ossPath };
        }
        return optional ? null : { kind: 'unresolved', what: `${what} (${path} is not among the checked files)` };
    };
    // 1. The config's installs.
    for (const ci of config.installs ?? []) {
        const seen = new Set();
        const paths = [];
        for (const glob of ci.values) {
            const m = picomatch_default()(glob, { dot: true });
            for (const f of files.map((x) => x.path).filter((p) => m(p)).sort(installs_byCodeUnit))
                if (!seen.has(f)) {
                    seen.add(f);
                    paths.push(f);
                }
        }
        const first = paths.map(valuesDoc).find(Boolean);
        const chart = ci.chart ?? (first?.chart === 'gloo-ee' ? 'gloo-ee' : 'gloo');
        const prefixPath = (ci.prefix ?? '').split('.').filter(Boolean);
        const ossPath = [...prefixPath, ...(chart === 'gloo-ee' ? ['gloo'] : [])];
        const layers = paths.map((p) => fileLayer(p, ossPath, false, p)).filter(Boolean);
        installs.push({
            name: ci.name,
            chart,
            prefix: ossPath.map((s) => `${s}.`).join(''),
            layers,
            anchors: [...new Set(paths.map(dirOf))],
            env: ci.name,
            ...(ci.version ? { version: { raw: ci.version, source: `the config install ${ci.name}` } } : {}),
            complete: ci.complete === true,
            ...(ci.fixTarget ? { fixTarget: ci.fixTarget } : {}),
            manifests: ci.manifests ?? []
        });
    }
    // 2. Descriptors: umbrella charts, Argo CD, Flux, helmfile, Kustomize.
    const umbrellaAt = new Map();
    for (const f of files)
        for (const d of f.values)
            if (d.form === 'umbrella' && !umbrellaAt.has(dirOf(f.path)))
                umbrellaAt.set(dirOf(f.path), { file: f, decl: d });
    const usedUmbrellas = new Set();
    const umbrellaLayers = (dir, ossPath) => {
        const base = [];
        const overlays = [];
        for (const name of ['values.yaml', 'values.yml']) {
            const l = byPath.has(join(dir, name)) ? fileLayer(join(dir, name), ossPath, true, name) : null;
            if (l) {
                base.push(l);
                break;
            }
        }
        for (const f of byDir.get(dir) ?? []) {
            const m = OVERLAY.exec(baseOf(f.path));
            if (m)
                overlays.push([m[1], fileLayer(f.path, ossPath, true, f.path)]);
        }
        return { base, overlays };
    };
    for (const f of files)
        for (const d of f.values) {
            if (d.form === 'argo-application' && d.chartPath !== undefined) {
                const u = umbrellaAt.get(d.chartPath);
                if (!u)
                    continue;
                usedUmbrellas.add(d.chartPath);
                const ossPath = d.prefix ? d.prefix.split('.').filter(Boolean) : [];
                const uOss = u.decl.prefix.split('.').filter(Boolean);
                void ossPath;
                const layers = [...umbrellaLayers(d.chartPath, uOss).base];
                d.stack.forEach((s, index) => {
                    const l = stackLayer(s, index, f, d, uOss);
                    if (l)
                        layers.push(l);
                });
                installs.push(descriptorInstall(f, d, u.decl.chart, u.decl.prefix, layers, u.decl.declaredVersion));
                continue;
            }
            if (!['helm-release', 'argo-application', 'helmfile', 'kustomize'].includes(d.form))
                continue;
            const layers = [];
            d.stack.forEach((s, index) => {
                const l = stackLayer(s, index, f, d);
                if (l)
                    layers.push(l);
            });
            installs.push(descriptorInstall(f, d, d.chart, d.prefix, layers, d.declaredVersion));
        }
    for (const [dir, u] of umbrellaAt) {
        if (usedUmbrellas.has(dir))
            continue;
        const ossPath = u.decl.prefix.split('.').filter(Boolean);
        const { base, overlays } = umbrellaLayers(dir, ossPath);
        const make = (layers, env) => ({
            ...descriptorInstall(u.file, u.decl, u.decl.chart, u.decl.prefix, layers, u.decl.declaredVersion),
            name: env ? `${dir || '.'} (${env})` : dir || '.',
            ...(env ? { env } : {})
        });
        if (!overlays.length)
            installs.push(make(base));
        for (const [env, layer] of overlays)
            installs.push(make([...base, layer], env));
    }
    // 3. Gloo values files nothing references: `B.yaml` with each sibling `B-<env>.yaml` / `B.<env>.yaml`, or alone.
    const candidates = files.filter((f) => {
        if (layered.has(f.path) || isIgnored(f.path))
            return false;
        const d = valuesDoc(f.path);
        return d !== undefined && (isStrong(d.evidence) || isGlooInput(f.path));
    });
    const candidateSet = new Set(candidates.map((f) => f.path));
    const overlayOf = new Set();
    const groups = [];
    for (const f of candidates) {
        const dir = dirOf(f.path);
        const stem = baseOf(f.path).replace(/\.(ya?ml|json)$/, '');
        const ext = baseOf(f.path).slice(stem.length);
        const overlays = [];
        for (const g of byDir.get(dir) ?? []) {
            if (g === f || layered.has(g.path) || isIgnored(g.path))
                continue;
            const name = baseOf(g.path);
            for (const sep of ['-', '.'])
                if (name.startsWith(stem + sep) && name.endsWith(ext) && name.length > stem.length + 1 + ext.length) {
                    const env = name.slice(stem.length + 1, name.length - ext.length);
                    const gd = valuesDoc(g.path);
                    if (!gd)
                        continue;
                    // A sibling of the other flavour is not an overlay of this one.
                    if (isStrong(gd.evidence) && gd.chart !== valuesDoc(f.path).chart)
                        continue;
                    overlays.push([env, g]);
                }
        }
        for (const [, g] of overlays)
            overlayOf.add(g.path);
        groups.push({ base: f, overlays });
    }
    for (const { base, overlays } of groups) {
        // An overlay of another base is not an install alone (values-prod.yaml beside values.yaml).
        if (overlayOf.has(base.path) && !overlays.length)
            continue;
        const d = valuesDoc(base.path);
        const ossPath = d.chart === 'gloo-ee' ? ['gloo'] : [];
        const named = aloneName(base.path);
        const make = (paths, env) => ({
            name: env ? `${named} (${env})` : named,
            chart: d.chart,
            prefix: d.prefix,
            layers: paths.map((p) => ({ kind: 'file', path: p, ossPath })),
            anchors: [...new Set(paths.map(dirOf))],
            ...(env ? { env } : {}),
            complete: false
        });
        if (!overlays.length)
            installs.push(make([base.path]));
        for (const [env, g] of overlays)
            installs.push(make([base.path, g.path], env));
    }
    void candidateSet;
    // 4. Rendered control-plane objects outside every values install: an install per folder.
    const valuesOwners = ownerIndex(installs.slice());
    const renderedDirs = new Map();
    for (const f of files) {
        if (!f.controlPlane || layered.has(f.path))
            continue;
        if (valuesOwners(f.path).length)
            continue;
        const dir = dirOf(f.path);
        renderedDirs.set(dir, [...(renderedDirs.get(dir) ?? []), f.path]);
    }
    for (const [dir] of [...renderedDirs].sort((a, b) => installs_byCodeUnit(a[0], b[0])))
        installs.push({ name: dir || '.', chart: 'gloo', prefix: '', layers: [], anchors: [dir], complete: false, rendered: true });
    return uniqueNames(installs);
    function stackLayer(s, index, f, d, ossOverride) {
        switch (s.kind) {
            case 'inline':
                return { kind: 'inline', path: f.path, ordinal: d.ordinal, index, ...(ossOverride ? { ossPath: ossOverride } : {}) };
            case 'file':
                return fileLayer(s.path, ossOverride ?? s.ossPath, s.optional, s.path);
            case 'unresolved':
                return { kind: 'unresolved', what: s.what };
            case 'configmap': {
                for (const g of files) {
                    for (const cm of g.configMaps)
                        if (cm.name === s.name && (!s.namespace || !cm.namespace || cm.namespace === s.namespace) && cm.keys.includes(s.key)) {
                            layered.add(g.path);
                            return { kind: 'configmap', path: g.path, objIndex: cm.objIndex, key: s.key, ossPath: s.ossPath };
                        }
                    for (const gen of g.generators)
                        if (gen.name === s.name && gen.files.has(s.key))
                            return fileLayer(gen.files.get(s.key), s.ossPath, s.optional, `ConfigMap ${s.name}`);
                }
                return s.optional ? null : { kind: 'unresolved', what: `ConfigMap ${s.name}${s.namespace ? ` in ${s.namespace}` : ''} (not among the checked files)` };
            }
        }
    }
}
/** The name of the install of a values file nothing references: a file named values.yaml is known by its folder (`envs/prod`), any other by its path. */
function aloneName(path) {
    return /^values\.ya?ml$/.test(baseOf(path)) ? dirOf(path) || '.' : path;
}
function descriptorInstall(f, d, chart, prefix, layers, version) {
    const anchors = new Set([dirOf(f.path)]);
    for (const l of layers)
        if (l.kind === 'file' || l.kind === 'configmap')
            anchors.add(dirOf(l.path));
    return {
        name: d.name ?? f.path,
        chart,
        prefix,
        layers,
        descriptor: { path: f.path, ordinal: d.ordinal },
        anchors: [...anchors],
        ...(version ? { version } : {}),
        complete: false,
        ...(d.resources ? { resources: d.resources } : {})
    };
}
function uniqueNames(installs) {
    const seen = new Map();
    for (const i of installs) {
        const n = (seen.get(i.name) ?? 0) + 1;
        seen.set(i.name, n);
        if (n > 1)
            i.name = `${i.name} #${n}`;
    }
    return installs;
}
/** The folder and each folder above it, nearest first, ending with the root (''). */
function foldersUp(dir) {
    const out = [];
    for (let d = dir;; d = dirOf(d)) {
        out.push(d);
        if (d === '')
            return out;
    }
}
/** Breaks a tie between installs on one anchor: the one whose env token names a folder or file below it. */
function byEnvToken(path, anchor, tied) {
    if (tied.length < 2)
        return tied;
    const below = path.slice(anchor ? anchor.length + 1 : 0);
    const tokens = new Set(below.split(/[/._-]/).filter(Boolean));
    const withEnv = tied.filter((i) => i.env !== undefined && tokens.has(i.env));
    return withEnv.length === 1 ? withEnv : tied;
}
/**
 * The installs a manifest belongs to: the config's `manifests`, then a kustomization's `resources`, then the
 * directory rule. Built once per run: a file's lookup walks up its folders, not over every install.
 */
function ownerIndex(installs, explicit = true) {
    const byAnchor = new Map();
    const declared = [];
    const resources = [];
    for (const i of installs) {
        if (explicit && i.manifests?.length) {
            declared.push({ install: i, match: picomatch_default()(i.manifests, { dot: true }) });
            continue;
        }
        if (explicit && i.resources?.length)
            resources.push(i);
        for (const a of new Set(i.anchors)) {
            const list = byAnchor.get(a);
            if (list)
                list.push(i);
            else
                byAnchor.set(a, [i]);
        }
    }
    return (path) => {
        const byConfig = declared.filter((d) => d.match(path)).map((d) => d.install);
        if (byConfig.length)
            return byConfig;
        const byResources = resources.filter((i) => i.resources.some((r) => path === r || path.startsWith(`${r}/`)));
        if (byResources.length)
            return byResources;
        for (const d of foldersUp(dirOf(path))) {
            const tied = byAnchor.get(d);
            if (tied)
                return byEnvToken(path, d, tied);
        }
        return [];
    };
}

;// CONCATENATED MODULE: ./src/gloo/declarations.ts
/**
 * What installs are made of, taken from a loaded file while its trees exist: its values documents and descriptors
 * (without trees), its ConfigMaps and kustomize `configMapGenerator`s, and whether it holds Gloo control-plane
 * objects. `planInstalls` (installs.ts) plans from these alone.
 */



/** What installs are made of, from a loaded file: plain data, no trees. */
function declOf(lf) {
    const decl = emptyDecl(lf.file.path, lf.file.text);
    decl.empty = !lf.file.parse.error && !lf.file.skipped && !lf.file.parse.documents.some((d) => d.root && d.root.kind !== 'scalar');
    lf.values.forEach((v, ordinal) => {
        decl.values.push({
            ordinal,
            form: v.form,
            chart: v.chart,
            prefix: v.prefix,
            ...(v.evidence ? { evidence: v.evidence } : {}),
            stack: v.stack.map((s) => (s.kind === 'inline' ? { kind: 'inline' } : s.kind === 'unresolved' ? { kind: 'unresolved', what: s.what } : s)),
            ...(v.name !== undefined ? { name: v.name } : {}),
            ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
            ...(v.declaredVersion ? { declaredVersion: v.declaredVersion } : {}),
            ...(v.chartPath !== undefined ? { chartPath: v.chartPath } : {}),
            ...(v.resources ? { resources: v.resources } : {})
        });
    });
    lf.objects.forEach((obj, objIndex) => {
        if (obj.kind === 'ConfigMap' && obj.apiVersion === 'v1')
            decl.configMaps.push({ name: obj.name, ...(obj.namespace !== undefined ? { namespace: obj.namespace } : {}), objIndex, keys: mapEntries(getNode(obj.root, ['data'])).map(keyOf) });
        if (obj.kind === 'Kustomization')
            for (const gen of seqItems(getNode(obj.root, ['configMapGenerator']))) {
                const files = new Map();
                for (const f of seqItems(getNode(gen, ['files']))) {
                    const raw = scalarValue(f);
                    if (typeof raw !== 'string')
                        continue;
                    const [key, rel] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw.slice(raw.lastIndexOf('/') + 1), raw];
                    const target = resolveRel(dirOf(lf.file.path), rel);
                    if (target !== undefined)
                        files.set(key, target);
                }
                decl.generators.push({ name: str(gen, ['name']) ?? '', ...(str(gen, ['namespace']) ? { namespace: str(gen, ['namespace']) } : {}), files });
            }
        if (isControlPlane(obj))
            decl.controlPlane = true;
    });
    return decl;
}
function emptyDecl(path, text) {
    return { path, values: [], configMaps: [], generators: [], controlPlane: false, empty: text.trim() === '' };
}
/** Gloo control-plane objects: a gateway proxy or the `gloo` Deployment, Settings, the validation webhook. */
function isControlPlane(obj) {
    if (renderedProxy(obj))
        return true;
    // The chart's own workloads: `gloo`, `discovery`, and `gateway` (the validation server before 1.12).
    if ((obj.kind === 'Deployment' || obj.kind === 'DaemonSet') && ['gloo', 'discovery', 'gateway'].includes(obj.labels['gloo'] ?? ''))
        return true;
    if (obj.kind === 'Settings' && obj.apiVersion.startsWith('gloo.solo.io/'))
        return true;
    return obj.kind === 'ValidatingWebhookConfiguration' && obj.name.startsWith('gloo-gateway-validation-webhook');
}

;// CONCATENATED MODULE: ./src/engine/detach.ts
/**
 * V8 makes a substring of 13 or more characters a slice that points into its parent string: one short name taken
 * from a file's text (a tree's scalar, a fact) keeps the whole text alive. What pass 1 keeps of a file (facts,
 * declarations, the few objects kept whole) is detached from the text here, so a file's text can go once it is
 * checked.
 */
/** A flat copy of a string: concatenation then a slice flattens it into a new string the size of the copy. */
const ownString = (s) => (s.length < 13 ? s : (' ' + s).slice(1));
/** Fields that point elsewhere (up the tree, to the file, to the document): not walked. */
const SKIP = new Set(['parent', 'file', 'doc']);
/**
 * Replaces, in place, every string reachable from `value` (plain objects, arrays, Maps, Sets; not through
 * `parent`, `file` or `doc`) by a flat copy. Returns `value`.
 */
function detachStrings(value) {
    const seen = new Set();
    const own = (v) => {
        if (typeof v === 'string')
            return ownString(v);
        if (v !== null && typeof v === 'object')
            walk(v);
        return v;
    };
    const walk = (o) => {
        if (seen.has(o) || ArrayBuffer.isView(o))
            return;
        seen.add(o);
        if (Array.isArray(o)) {
            for (let i = 0; i < o.length; i++)
                o[i] = own(o[i]);
        }
        else if (o instanceof Map) {
            const entries = [...o];
            o.clear();
            for (const [k, v] of entries)
                o.set(own(k), own(v));
        }
        else if (o instanceof Set) {
            const items = [...o];
            o.clear();
            for (const v of items)
                o.add(own(v));
        }
        else {
            const r = o;
            for (const k of Object.keys(r))
                if (!SKIP.has(k))
                    r[k] = own(r[k]);
        }
    };
    own(value);
    return value;
}

;// CONCATENATED MODULE: ./src/gloo/key-since.ts
/**
 * The first chart version that reads a values key (catalog section 4.3), as data: what fix condition F1 asks
 * ("the chart version is known and reads every key written") and what an unknown version assumes (section 1.4).
 */

/** Catalog section 4.3, row by row, in its order; the short names there are written here as full key paths. */
const KEY_SINCE = [
    { pattern: 'settings.disableKubernetesDestinations', since: '1.3.3' },
    { pattern: 'global.glooMtls.enabled', since: '1.3.6' },
    { pattern: 'gateway.validation.webhook.enabled', since: '1.3.27/1.4.0-beta11' },
    { pattern: 'gatewayProxies.*.service.loadBalancerSourceRanges', since: '1.3.28/1.4.0-beta12' },
    { pattern: 'gatewayProxies.*.disabled', since: '1.4.7/1.5.0-beta13' },
    { pattern: 'gatewayProxies.*.podTemplate.gracefulShutdown', since: '1.4.8/1.5.0-beta14' },
    { pattern: 'gatewayProxies.*.podTemplate.terminationGracePeriodSeconds', since: '1.4.8/1.5.0-beta14' },
    { pattern: 'gatewayProxies.*.podTemplate.customReadinessProbe', since: '1.4.8/1.5.0-beta14' },
    { pattern: 'gatewayProxies.*.readConfigMulticluster', since: '1.6.0-beta24' },
    { pattern: 'gatewayProxies.*.podDisruptionBudget', since: '1.7.0-beta21' },
    { pattern: 'gatewayProxies.*.horizontalPodAutoscaler', since: '1.7.0-beta21' },
    { pattern: 'gatewayProxies.*.kind.daemonSet.hostNetwork', since: '1.8.0-beta13' },
    // "kubeResourceOverride (proxy)": the proxy's own and those of the objects it renders (service, PDB, HPA \u2026).
    { pattern: 'gatewayProxies.*.**.kubeResourceOverride', since: '1.8.0-beta14' },
    { pattern: 'gatewayProxies.*.podTemplate.enablePodSecurityContext', since: '1.8.0-beta17' },
    { pattern: 'gatewayProxies.*.podTemplate.fsGroup', since: '1.8.0-beta17' },
    { pattern: 'gatewayProxies.*.topologySpreadConstraints', since: '1.11.48/1.12.41/1.13.3/1.14.0-beta4' },
    { pattern: 'global.istioIntegration.enableIstioSidecarOnGateway', since: '1.12.0-beta5' },
    { pattern: 'gatewayProxies.*.podTemplate.livenessProbeEnabled', since: '1.12.0-beta6' },
    { pattern: 'gatewayProxies.*.podTemplate.customLivenessProbe', since: '1.12.0-beta6' },
    { pattern: 'gatewayProxies.*.envoyOverloadManager', since: '1.12.0-beta6' },
    { pattern: 'gloo.disableLeaderElection', since: '1.12.32/1.13.0-beta25' },
    { pattern: 'gatewayProxies.*.disableCoreDumps', since: '1.12.43/1.13.5/1.14.0-beta7' },
    { pattern: 'gateway.validation.webhook.skipDeleteValidationResources', since: '1.13.20/1.14.6' },
    { pattern: 'gatewayProxies.*.podTemplate.glooContainerSecurityContext', since: '1.14.0-beta11' },
    { pattern: 'gatewayProxies.*.podTemplate.podSecurityContext', since: '1.14.0-beta11' },
    { pattern: 'global.glooMtls.sds.securityContext', since: '1.14.0-beta11' },
    { pattern: 'global.glooMtls.istioProxy.securityContext', since: '1.14.0-beta11' },
    { pattern: 'gateway.validation.webhook.timeoutSeconds', since: '1.14.0-beta12' },
    { pattern: '**.*SecurityContext.mergePolicy', since: '1.14.5/1.15.0-beta6' },
    { pattern: '**.securityContext.mergePolicy', since: '1.14.5/1.15.0-beta6' },
    { pattern: 'gloo.headerSecretRefNsMatchesUs', since: '1.14.13/1.15.0-beta23' },
    { pattern: 'gloo.podDisruptionBudget', since: '1.14.19/1.15.2' },
    { pattern: 'gateway.certGenJob.cron', since: '1.14.26/1.15.13' },
    { pattern: 'global.podSecurityStandards', since: '1.16.14/1.17.0-beta29' },
    { pattern: 'global.image.variant', since: '1.17.0-beta13' },
    { pattern: 'global.istioIntegration.enabled', since: '1.17.0' },
    { pattern: 'global.securitySettings.floatingUserId', since: '1.17.3/1.18.0-beta14' },
    { pattern: 'gatewayProxies.*.kind.deployment.priorityClassName', since: '1.17.4/1.18.0-beta16' },
    { pattern: 'gateway.validation.kubeCoreFailurePolicy', since: '1.18.0-beta34' },
    { pattern: 'gatewayProxies.*.kind.workloadType', since: '1.22.0-beta11' }
];
/** A `*` segment: any one key. */
const key_since_ANY = () => true;
const ROWS = KEY_SINCE.map((row) => ({ ...row, segments: row.pattern.split('.').map(segmentMatcher) }));
function segmentMatcher(segment) {
    if (segment === '**')
        return '**';
    if (segment === '*')
        return key_since_ANY;
    if (!segment.includes('*'))
        return (key) => key === segment;
    const re = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (key) => re.test(key);
}
/** How many keys of `path` the pattern matches from its start (a key below a row's key is new with it); -1 if none. */
function matchDepth(segments, path, i = 0, j = 0) {
    if (i === segments.length)
        return j;
    const s = segments[i];
    if (s === '**') {
        for (let k = j; k <= path.length; k++) {
            const depth = matchDepth(segments, path, i + 1, k);
            if (depth >= 0)
                return depth;
        }
        return -1;
    }
    return j < path.length && s(path[j]) ? matchDepth(segments, path, i + 1, j + 1) : -1;
}
/**
 * The rows of section 4.3 a written key falls under: the key itself or one of its parents (writing
 * `\u2026podDisruptionBudget.minAvailable` writes `\u2026podDisruptionBudget`). The row naming the deepest key first.
 * @param path an OSS key path, dotted (`gatewayProxies.gatewayProxy.podTemplate.livenessProbeEnabled`) or split.
 */
function keySince(path) {
    const keys = typeof path === 'string' ? path.split('.') : path;
    const dotted = memoKey(keys);
    let rows = sinceByKey.get(dotted);
    if (!rows) {
        rows = rowsStarting(keys[0])
            .rows.map((r) => ({ row: r, depth: matchDepth(r.segments, keys) }))
            .filter((m) => m.depth >= 0)
            .sort((a, b) => b.depth - a.depth)
            .map(({ row }) => Object.freeze({ pattern: row.pattern, since: row.since }));
        if (sinceByKey.size >= 10_000)
            sinceByKey.clear();
        sinceByKey.set(dotted, Object.freeze(rows));
    }
    return rows;
}
/** The rows of each key asked about (every finding on a values key asks; keys name proxies, so they vary). */
const sinceByKey = new Map();
/**
 * The rows that can match a key starting with `first`, in catalog order (those starting with it, or with a
 * pattern), and whether the key's second segment is free: every such row that starts with `first` matches it with
 * `*` (a proxy's name under `gatewayProxies`).
 */
function rowsStarting(first) {
    let entry = byFirst.get(first);
    if (!entry) {
        const rows = ROWS.filter((r) => r.segments[0] === '**' || r.segments[0](first));
        entry = { rows, secondFree: rows.every((r) => r.segments[0] === '**' || r.segments[1] === key_since_ANY) };
        if (byFirst.size >= 1_000)
            byFirst.clear();
        byFirst.set(first, entry);
    }
    return entry;
}
const byFirst = new Map();
/**
 * The key the rows of `keys` are remembered by. A free second segment (`rowsStarting`) that no segment of a `**`
 * row matches cannot change which rows match: it is left out, so that one entry serves every proxy.
 */
function memoKey(keys) {
    if (keys.length > 1 && rowsStarting(keys[0]).secondFree && !DEEP.some((m) => m(keys[1])))
        return [keys[0], '\u0000', ...keys.slice(2)].join('.');
    return keys.join('.');
}
/** The segments of the rows that start with `**`. */
const DEEP = ROWS.flatMap((r) => (r.segments[0] === '**' ? r.segments.filter((x) => x !== '**') : []));
/**
 * Whether a chart of version `version` reads the key (every row it falls under); a key no row names is read by
 * every version (1.3.0 on). Unknown versions are the newest, as in `hasSince`.
 */
function readsKey(path, version) {
    return keySince(path).every((row) => hasSince(version, row.since));
}
/** The first row a chart of version `version` lacks, for saying which version to upgrade to; undefined if none. */
function unreadRow(path, version) {
    return keySince(path).find((row) => !version_hasSince(version, row.since));
}

;// CONCATENATED MODULE: ./src/engine/suppress.ts
/**
 * Suppressions (catalog section 5): `# gloo-harden-ignore rule-a, rule-b: reason` on the finding's line or on
 * its own line just above, and the `gloo-harden.io/ignore: "rule-a,rule-b"` annotation on an object; and the
 * problems of a suppression that cannot be read (no rule id, a misspelt directive, a rule id in another case\u2026).
 */

const IGNORE_ANNOTATION = 'gloo-harden.io/ignore';
const suppress_DIRECTIVE = 'gloo-harden-ignore';
const COMMENT_SYNTAX = `'# ${suppress_DIRECTIVE} <rule-id>: <reason>'`;
const ANNOTATION_SYNTAX = `'${IGNORE_ANNOTATION}: "<rule-id>, <rule-id>"'`;
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A word that stands where a colon should (`rule - reason`, `ignore -- rule`). */
const SEPARATOR = /^(?:[-\u2013\u2014=>|]+|->|=>)$/;
const DIRECTIVE_LIKE = /^gloo-?harden-(?:ignore|disable|skip|suppress|nolint)/;
const ANNOTATION_LIKE = /^gloo-?harden(?:\.io)?\/(?:ignore|disable|skip|suppress|nolint)/;
/** Two edits turn a short word into almost anything: no fuzzy match below this length. */
const suppress_MIN_FUZZY_LENGTH = 5;
const suppress_MAX_DISTANCE = 2;
/**
 * Whether `word` (the first word of a comment, or an annotation key) is meant as `directive`: itself, a longer
 * directive-like word (`gloo-harden-ignore-next-line`), or a near miss (edit distance \u2264 2, case aside). Prose that
 * merely mentions gloo-harden (`# gloo-harden checks this file`) is none of these.
 */
function isNearMiss(word, directive, like) {
    const w = word.toLowerCase();
    return w === directive || like.test(w) || editDistance(w, directive) <= suppress_MAX_DISTANCE;
}
/**
 * A cheap pre-test of a text for anything isNearMiss could accept: two edits leave at least one of three
 * six-letter thirds of the directive whole (pigeonhole), and every directive-like word holds `arden-`.
 */
const MAY_HOLD_DIRECTIVE = /gloo-h|arden-|ignore/i;
/** The rule id meant by `typed`: the same id in another case or with `_`/spaces for `-`, or a unique near one. */
function suggestRule(typed, ruleIds) {
    const norm = typed
        .toLowerCase()
        .replace(/[\s_.]+/g, '-')
        .replace(/[^a-z0-9-]/g, '')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, '');
    const ids = [...ruleIds];
    if (ids.includes(norm))
        return norm;
    if (norm.length < suppress_MIN_FUZZY_LENGTH)
        return undefined;
    let best;
    let bestDistance = suppress_MAX_DISTANCE + 1;
    let tie = false;
    for (const id of ids) {
        const d = editDistance(norm, id);
        if (d < bestDistance)
            [best, bestDistance, tie] = [id, d, false];
        else if (d === bestDistance)
            tie = true;
    }
    return tie ? undefined : best;
}
/** The problem of a rule id that is not one: a did-you-mean when one is near, else unknownRule. */
function notARule(rule, ruleIds) {
    const suggestion = suggestRule(rule, ruleIds);
    return suggestion ? { messageId: 'didYouMean', data: { rule, suggestion } } : { messageId: 'unknownRule', data: { rule } };
}
/**
 * Scans a file's comments for suppressions. A comment alone on its line covers the next line too. A comment whose
 * first word is the directive or a near miss of it but that cannot be read comes back as entries with a `problem`
 * and no suppression: a malformed comment suppresses nothing. A well-formed comment naming an unknown rule id keeps
 * its other ids.
 */
function scanComments(text, lines, ruleIds) {
    if (!MAY_HOLD_DIRECTIVE.test(text))
        return [];
    const out = [];
    for (let line = 1; line <= lines.lineCount; line++) {
        const t = lines.lineText(line);
        if (!MAY_HOLD_DIRECTIVE.test(t))
            continue;
        const lineStart = lines.lineStart(line);
        const ownLine = t.trimStart().startsWith('#');
        const entry = (at, length, rule = '', reason = '', problem) => ({
            rule,
            reason,
            line,
            column: at + 1,
            covers: problem ? [] : ownLine ? [line + 1] : [line],
            start: lineStart + at,
            end: lineStart + at + length,
            used: false,
            ...(problem && { problem })
        });
        // A YAML comment starts with `#` at the start of the line or after white space.
        for (let hash = t.indexOf('#'); hash >= 0; hash = t.indexOf('#', hash + 1)) {
            if (hash > 0 && t[hash - 1] !== ' ' && t[hash - 1] !== '\t')
                continue;
            const m = /^#+[ \t]*([^\s:]+)/.exec(t.slice(hash));
            if (!m || !isNearMiss(m[1], suppress_DIRECTIVE, DIRECTIVE_LIKE))
                continue;
            const word = m[1];
            const wordAt = hash + m[0].length - word.length;
            out.push(...readComment(t, word, wordAt, ruleIds, entry));
            break;
        }
    }
    return out;
}
/** Reads one suppression comment whose directive `word` starts at `wordAt` of the line `t`. */
function readComment(t, word, wordAt, ruleIds, entry) {
    if (word !== suppress_DIRECTIVE)
        return [entry(wordAt, word.length, '', '', { messageId: 'badDirective', data: { word, expected: COMMENT_SYNTAX } })];
    const idsAt = wordAt + word.length;
    const rest = t.slice(idsAt);
    const colon = rest.indexOf(':');
    const idsPart = colon < 0 ? rest : rest.slice(0, colon);
    const reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
    const noRule = () => [entry(wordAt, word.length, '', '', { messageId: 'noRule', data: { what: 'comment' } })];
    // Items between commas, with their offsets in the line; words inside an item, likewise.
    const items = [];
    for (const m of idsPart.matchAll(/[^,]+/g)) {
        const trimmed = m[0].trim();
        if (trimmed)
            items.push({ text: trimmed, at: idsAt + m.index + m[0].indexOf(trimmed) });
    }
    if (!items.length)
        return noRule();
    const problems = [];
    const good = [];
    for (const item of items) {
        const words = [...item.text.matchAll(/\S+/g)];
        const separator = words.find((w) => SEPARATOR.test(w[0]));
        if (separator) {
            // `gloo-harden-ignore - proxy-probes` or `gloo-harden-ignore proxy-probes - a reason`: no colon.
            const at = item.at + separator.index;
            if (words.length === 1 && items.length === 1)
                return noRule();
            problems.push(entry(at, separator[0].length, '', '', { messageId: 'badSeparator', data: { separator: separator[0], what: 'comment', expected: COMMENT_SYNTAX } }));
        }
        else if (words.length > 1) {
            const suggestion = suggestRule(item.text, ruleIds.keys());
            const problem = suggestion
                ? { messageId: 'didYouMean', data: { rule: item.text, suggestion } }
                : { messageId: 'spacedId', data: { rule: item.text } };
            problems.push(entry(item.at, item.text.length, '', '', problem));
        }
        else if (!RULE_ID.test(item.text)) {
            problems.push(entry(item.at, item.text.length, '', '', notARule(item.text, ruleIds.keys())));
        }
        else if (!ruleIds.has(item.text)) {
            // Well-formed but unknown (a typo, or a rule of another version): reported, and the comment's other ids stand.
            good.push(entry(item.at, item.text.length, '', '', notARule(item.text, ruleIds.keys())));
        }
        else
            good.push(entry(item.at, item.text.length, item.text, reason));
    }
    // A malformed comment suppresses nothing; its unknown ids are still worth naming.
    return problems.length ? [...problems, ...good.filter((g) => g.problem)].sort((a, b) => a.start - b.start) : good;
}
/**
 * Reads an object's ignore annotation (rule ids separated by commas or spaces), and reports near misses of its key
 * (`gloo-harden.io/ingore`, `gloo-harden.io/ignore-proxy-probes`). A malformed annotation suppresses nothing.
 */
function parseAnnotation(annotations, ruleIds) {
    const out = [];
    for (const key of Object.keys(annotations)) {
        if (key === IGNORE_ANNOTATION)
            out.push(readAnnotation(annotations[key], ruleIds));
        // The length test spares most keys the edit distance: two edits change the length by two at most.
        else if ((Math.abs(key.length - IGNORE_ANNOTATION.length) <= suppress_MAX_DISTANCE || ANNOTATION_LIKE.test(key.toLowerCase())) && isNearMiss(key, IGNORE_ANNOTATION, ANNOTATION_LIKE))
            out.push({ key, rules: [], problems: [{ messageId: 'badDirective', data: { word: key, expected: ANNOTATION_SYNTAX } }] });
    }
    return out;
}
function readAnnotation(value, ruleIds) {
    const rules = [];
    const problems = [];
    let malformed = false;
    // The annotation has no room for a reason: `proxy-probes: dev only`, `proxy-probes - dev only`.
    const separator = /:|(?<=^|\s)(?:[-\u2013\u2014=>|]+)(?=\s|$)/.exec(value);
    if (separator)
        return { key: IGNORE_ANNOTATION, rules: [], problems: [{ messageId: 'badSeparator', data: { separator: separator[0], what: 'annotation', expected: ANNOTATION_SYNTAX } }] };
    for (const item of value.split(',')) {
        const words = item.split(/\s+/).filter(Boolean);
        // `proxy probes` for proxy-probes; `proxy-probes proxy-resources` is a list.
        const joined = words.length > 1 && !words.every((w) => ruleIds.has(w)) ? suggestRule(words.join(' '), ruleIds.keys()) : undefined;
        if (joined) {
            problems.push({ messageId: 'didYouMean', data: { rule: words.join(' '), suggestion: joined } });
            malformed = true;
            continue;
        }
        for (const w of words) {
            if (ruleIds.has(w))
                rules.push(w);
            else {
                problems.push(notARule(w, ruleIds.keys()));
                if (!RULE_ID.test(w))
                    malformed = true;
            }
        }
    }
    if (!rules.length && !problems.length)
        return { key: IGNORE_ANNOTATION, rules: [], problems: [{ messageId: 'noRule', data: { what: 'annotation' } }] };
    return { key: IGNORE_ANNOTATION, rules: malformed ? [] : rules, problems };
}

;// CONCATENATED MODULE: ./src/engine/lint.ts
/**
 * The engine: load every file, build cross-document facts, run the rules, and turn problems into
 * findings with spans, severities, fingerprints and suppressions applied. Pure: no I/O, no GitHub.
 */

















/**
 * The default `keepText`: every values file of a repository of about 2,700 of them (20 MB) read once (4 % of a
 * scan's time there, for about 25 MB more peak RSS); beyond it, files are read again in pass 2 and memory stays flat.
 */
const KEEP_TEXT = 32 * 1024 * 1024;
/**
 * An install's project: its members' facts (shared, not copied: installs on one folder have the same members) and
 * what its values add. Objects' disabling entries come before the values' (messages name the first one).
 */
function withValues(members, values) {
    return {
        ...members,
        kubeDestinationsDisabled: [...members.kubeDestinationsDisabled, ...values.kubeDestinationsDisabled],
        knative: members.knative || values.knative,
        gatewayDisabled: values.gatewayDisabled ?? members.gatewayDisabled
    };
}
/** The files an install's values findings can land on: its layers' and its descriptor's, and its fix target. */
function landing(plan) {
    const out = plan.layers.flatMap((l) => (l.kind === 'unresolved' ? [] : [l.path]));
    if (plan.descriptor)
        out.push(plan.descriptor.path);
    if (plan.fixTarget)
        out.push(plan.fixTarget);
    return out;
}
/** The files some install reads as a values file layer. */
const fileLayers = (plans) => new Set(plans.flatMap((p) => p.layers.flatMap((l) => (l.kind === 'file' ? [l.path] : []))));
/**
 * Whether a route to a Kubernetes destination sits in a file no install owns (a layer is owned by none): its notice
 * names every install that disables Kubernetes destinations, so those installs' values facts are needed first.
 */
function orphanRoutes(entries, layerPaths, ownersOf) {
    return entries.some((e) => e.facts !== undefined && e.facts.kubeDestinations.length > 0 && (layerPaths.has(e.path) || !ownersOf(e.path).length));
}
const ruleById = (rules) => new Map(rules.map((r) => [r.meta.id, r]));
/**
 * Lints a set of files together. Pass 1 parses each file that may hold cross-document facts or values, classifies
 * it, and keeps only its facts (plain records, and the few small objects other files' rules read) and what installs
 * are made of. Pass 2 puts the installs together (catalog section 1A), runs the values rules on each install's
 * effective values and the object rules on each file with the facts of the install(s) it belongs to, parsing the
 * file again, then drops its trees. (Keeping trees, or packed parse events, between the passes made memory grow
 * with the repository: 35 bytes of heap per byte of YAML, or 2 with packed events; a second parse costs less than
 * the garbage collection that memory brings.)
 */
function lint(files, options = {}) {
    const linter = new Linter(options);
    for (const f of files)
        linter.add(f);
    return linter.finish();
}
/**
 * `lint` a file at a time: `add` runs pass 1 on each file as it arrives, `finish` runs pass 2 and returns the
 * result; `eachFile` runs pass 2 a file at a time, for a report that streams.
 */
class Linter {
    config;
    rules;
    byId;
    unknownVersionFixes;
    fingerprints;
    singleParse;
    entries = [];
    keepText;
    /** The characters of the deferred files' texts kept for pass 2 (`keepText`). */
    keptText = 0;
    /** Files the config declares Gloo values (`inputs.gloo`, `installs[].values`): always parsed in pass 1. */
    declared;
    constructor(options = {}) {
        this.config = options.config ?? defaultConfig();
        this.rules = options.rules ?? rules;
        this.unknownVersionFixes = options.unknownVersionFixes ?? 'suggest';
        this.fingerprints = options.fingerprints ?? true;
        this.singleParse = options.singleParse ?? true;
        this.keepText = options.keepText ?? KEEP_TEXT;
        this.byId = ruleById(this.rules);
        const globs = [...(this.config.inputs?.gloo ?? []), ...(this.config.installs ?? []).flatMap((i) => i.values)];
        this.declared = globs.length ? picomatch_default()(globs, { dot: true }) : () => false;
    }
    /** Pass 1 of one file; files are reported in the order they are added. */
    add(f) {
        const { config, entries } = this;
        const reported = f.report !== false;
        if (f.skipped) {
            entries.push({ path: f.path, reported, skipped: f.skipped, slim: loadFile(f.path, '', {}).file, options: {} });
            return;
        }
        const loadOptions = { glooVersion: config.glooVersion };
        const entry = { path: f.path, reported, options: loadOptions };
        if (f.reread)
            entry.reread = f.reread;
        else
            entry.text = f.text;
        if (f.siblingChart !== undefined)
            entry.siblingChart = f.siblingChart;
        if (VALUES_FACT_WORDS.test(f.text))
            entry.valuesFacts = true;
        if (f.text.includes('enabled'))
            entry.gatewayFacts = true;
        entries.push(entry);
        if (!mayHoldFacts(f.text) && !this.declared(f.path)) {
            // Context without facts is never parsed, unless an install names it as a layer.
            entry.decl = emptyDecl(f.path, f.text);
            return;
        }
        if (this.singleParse && mayBeValuesOnly(f.path, f.text) && !this.declared(f.path)) {
            // A values file and nothing else: parsed once, at its turn in pass 2, if only its own install can need it.
            entry.deferred = true;
            entry.decl = emptyDecl(f.path, f.text);
            // Its text stays for pass 2 while the texts kept fit in `keepText`: a read less (the rest are read again).
            if (entry.reread && this.keptText + f.text.length <= this.keepText) {
                entry.text = f.text;
                this.keptText += f.text.length;
            }
            return;
        }
        this.declare(entry, f.text);
    }
    /** Pass 1's parse of a file: its facts, what installs are made of, and the objects other files' rules read. */
    declare(entry, text) {
        const lf = loadFile(entry.path, text, { ...entry.options, parse: parseDocuments(text) });
        const { facts, kept } = fileFacts(lf);
        // What stays of the file until pass 2 must not keep its text alive (detach.ts); the facts hold the kept objects.
        if (!isEmptyProject(facts))
            entry.facts = detachStrings(facts);
        entry.decl = detachStrings(declOf(lf));
        if (kept.size)
            entry.kept = new Map(lf.objects.flatMap((o, i) => (kept.has(o) ? [[i, o]] : [])));
        if (kept.size && entry.reread) {
            // Kept objects are read from other files (values, no positions): until their own file's turn they point
            // at a stub, so the file's text need not stay.
            entry.length = text.length;
            entry.stub = makeSourceFile(entry.path, '', undefined, { documents: [], aliasCount: 0 });
            for (const o of kept)
                o.file = entry.stub;
        }
        else if (kept.size || !entry.reread) {
            // Kept objects point at their file: it stays, text and all, without its other trees.
            slimDown(lf, kept);
            entry.slim = lf.file;
        }
    }
    /**
     * A file pass 1 left unparsed whose facts turn out to be needed after all: parsed now, as pass 1 would have
     * (a file that can no longer be read stays undeclared, and is reported as skipped at its turn).
     */
    undefer(entry) {
        entry.deferred = false;
        const text = this.textOf(entry);
        if (text !== undefined)
            this.declare(entry, text);
    }
    /** The text of a file for pass 2: kept, or read again (undefined when it can no longer be read). */
    textOf(entry) {
        return entry.text ?? entry.reread?.();
    }
    /** Pass 2: every rule on every install and every reported file. */
    finish() {
        const all = [];
        const files = new Map();
        for (const { file, findings } of this.eachFile()) {
            files.set(file.path, file);
            for (const f of findings)
                all.push(f);
        }
        for (const e of this.entries) {
            if (e.synthetic || files.has(e.path))
                continue;
            const text = e.slim ? undefined : this.textOf(e);
            const slim = e.slim ?? (text !== undefined ? makeSourceFile(e.path, text, undefined, { documents: [], aliasCount: 0 }) : undefined);
            if (slim)
                files.set(e.path, slim);
        }
        // Sorted again as a whole: the files may have come in any order.
        return { findings: sortFindings(dedupe(all)), files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
    }
    /**
     * Pass 2 a file at a time: each reported file (without its trees) and its findings, sorted, in the order the
     * files were added. For files added in path order the concatenation of the findings is `finish().findings`
     * (what a report can stream). An install's values rules run just before the first file they can report on,
     * and their findings wait for their file's turn.
     */
    *eachFile() {
        const { config, rules, byId, entries, unknownVersionFixes } = this;
        this.addSiblingCharts();
        const byPath = new Map(entries.map((e) => [e.path, e]));
        const { plans, several } = this.settleDeferred({ gloo: config.inputs?.gloo, ignore: config.inputs?.ignore, installs: config.installs });
        const layerPaths = fileLayers(plans);
        const descriptorPaths = new Set(plans.flatMap((p) => (p.descriptor ? [p.descriptor.path] : [])));
        // Members of each install by the catalog's rules; a file may belong to several, or to none.
        const owners = new Map();
        const ownersOf = ownerIndex(plans);
        for (const e of entries)
            if (!layerPaths.has(e.path))
                owners.set(e.path, ownersOf(e.path));
        const memberFacts = new Map(plans.map((p) => [p, []]));
        const memberKeys = new Map(plans.map((p) => [p, []]));
        entries.forEach((e, i) => {
            if (e.facts)
                for (const p of owners.get(e.path) ?? []) {
                    memberFacts.get(p).push(e.facts);
                    memberKeys.get(p).push(String(i));
                }
        });
        // Installs with the same facts share one project (installs on one folder have the same members): object rules
        // then run once per distinct project, not once per install, and its indexes are built once.
        const shared = new Map();
        const share = (key, make) => {
            let p = shared.get(key);
            if (!p)
                shared.set(key, (p = make()));
            return p;
        };
        const installs = new Map();
        for (const plan of plans) {
            const key = memberKeys.get(plan).join(',');
            const members = share(key, () => facts_mergeProjects(memberFacts.get(plan)));
            installs.set(plan, { plan, key, project: members, members, disables: false });
        }
        const objectRules = rules.filter((r) => r.checkObject && isEnabled(r, config.rules));
        const valuesFactRules = objectRules.filter((r) => r.meta.readsValuesFacts);
        const memberRules = objectRules.filter((r) => !r.meta.readsValuesFacts);
        const valuesRules = rules.filter((r) => r.checkValues && isEnabled(r, config.rules));
        // 1. The facts an install's effective values add (Kubernetes destinations disabled, Knative, the gateway off),
        // before any file is checked, where a member may need them first: a route to a Kubernetes destination, a
        // Settings resource, or a route outside every install (its notice names the installs that disable them). Only
        // installs with a layer that names those keys are put together; the others get them when their values rules
        // run (step 2).
        const facty = (plan, flag) => landing(plan).some((path) => byPath.get(path)?.[flag] === true);
        const valuesFacty = (plan) => facty(plan, 'valuesFacts') || facty(plan, 'gatewayFacts');
        const orphans = orphanRoutes(entries, layerPaths, ownersOf);
        const early = (run) => (facty(run.plan, 'valuesFacts') && (orphans || run.project.kubeDestinations.length > 0 || run.project.settings > 0)) ||
            (facty(run.plan, 'gatewayFacts') && run.project.settings > 0);
        const factsTaken = new Set();
        const withValuesFacts = (run, facts) => {
            factsTaken.add(run);
            if (!isEmptyProject(facts)) {
                const members = run.project;
                run.key = `${run.key}\u0001${JSON.stringify(facts.kubeDestinationsDisabled)}\u0001${facts.knative}\u0001${facts.gatewayDisabled ?? ''}`;
                run.project = share(run.key, () => withValues(members, facts));
            }
            run.disables = run.project.kubeDestinationsDisabled.length > 0;
        };
        for (const run of installs.values()) {
            if (run.plan.rendered)
                continue;
            run.disables = run.project.kubeDestinationsDisabled.length > 0;
            if (!early(run))
                continue;
            const built = this.buildInstall(run.plan, byPath);
            if (built)
                withValuesFacts(run, valuesFacts(built.v));
        }
        const all = [...installs.values()];
        const disablingInstalls = all.filter((r) => r.disables).map((r) => r.plan.name);
        const neutral = emptyProject();
        // 2. Values rules, per install, on its effective values, just before the first file its findings can land on
        // (a layer or its descriptor) is checked; its findings wait for their file's turn. Findings are parked only
        // for the installs at hand, never for the whole run.
        const pending = new Map();
        const madeFor = new Map();
        const park = (f) => {
            const list = pending.get(f.path);
            if (list)
                list.push(f);
            else
                pending.set(f.path, [f]);
        };
        const indexOf = new Map(entries.map((e, i) => [e.path, i]));
        const schedule = [...installs.values()]
            .filter((r) => !r.plan.rendered)
            .map((run) => ({ run, at: Math.min(...landing(run.plan).map((path) => indexOf.get(path) ?? Infinity)) }))
            .filter((s) => s.at !== Infinity)
            .sort((x, y) => x.at - y.at);
        let scheduled = 0;
        // Trees of layers parsed for an install's values rules, until their own file's turn (a few at a time).
        const handoff = new Map();
        /** Runs an install's values rules when the file at index `at` is next (its layers from `at` on are handed over). */
        const runValuesRules = (run, at, preloaded) => {
            const built = this.buildInstall(run.plan, byPath, preloaded);
            if (!built)
                return;
            for (const [path, lf] of built.loaded)
                if (byPath.get(path)?.reported && (indexOf.get(path) ?? -1) >= at)
                    handoff.set(path, lf);
            const { v, fileOf, unresolved } = built;
            if (!factsTaken.has(run) && valuesFacty(run.plan))
                withValuesFacts(run, valuesFacts(v));
            const ctx = { project: run.project, install: { name: run.plan.name, complete: run.plan.complete } };
            const suffix = several ? [run.plan.name] : undefined;
            const emitAt = (rule, p) => {
                const file = fileOf(p.node);
                if (!file || !byPath.get(file.path)?.reported)
                    return;
                const resource = v.wrapper && file === v.wrapper.file ? resourceOf(v.wrapper) : `values:${docIndexAt(file, p.node.start)}`;
                const finding = toFinding(rule, p, file, resource, config, typeof p.data?.key === 'string' ? `values:${p.data.key}` : undefined);
                if (typeof p.data?.key === 'string')
                    chartReads(finding, p.data.key, ossKey(p.data.key, v.prefix), v.chartVersion, unknownVersionFixes);
                park(withInstall(madeFor, unresolved.length && !rule.meta.builtin ? unverified(finding, run.plan.name) : finding, suffix));
            };
            const builtin = (id, p) => {
                const rule = byId.get(id);
                if (rule && config.rules[id] !== 'off')
                    emitAt(rule, p);
            };
            if (unresolved.length)
                builtin('input-unresolved', {
                    messageId: 'layers',
                    node: built.unresolvedAt ?? v.anchor,
                    data: { install: run.plan.name, what: unresolved.slice(0, 5).join('; ') + (unresolved.length > 5 ? ` and ${unresolved.length - 5} more` : '') },
                    key: `layers:${run.plan.name}`
                });
            for (const note of v.notes)
                builtin('input-unresolved', { messageId: 'unresolved', node: note.node, data: { message: note.message } });
            if (v.chartVersion && v.chartVersion.major >= 2) {
                builtin('input-unrecognized', { messageId: 'chart2', node: v.anchor, data: { install: run.plan.name, version: v.chartVersion.raw, source: v.versionSource } });
                return;
            }
            for (const rule of valuesRules)
                try {
                    for (const p of rule.checkValues(v, ctx))
                        emitAt(rule, p);
                }
                catch (err) {
                    builtin('internal-error', { messageId: 'crashed', node: v.anchor, data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } });
                }
        };
        // 2. Each reported file: engine findings, object rules per install it belongs to, then the values findings.
        for (const [i, entry] of entries.entries()) {
            while (scheduled < schedule.length && schedule[scheduled].at <= i)
                runValuesRules(schedule[scheduled++].run, i);
            if (!entry.reported)
                continue;
            if (entry.deferred) {
                // Its one parse: the install it makes alone (or none), whose values rules run now; the trees go to its turn.
                const lf = this.load(entry);
                const [plan] = lf ? planInstalls([declOf(lf)], { gloo: config.inputs?.gloo, ignore: config.inputs?.ignore }) : [];
                if (lf)
                    handoff.set(entry.path, lf);
                if (lf && plan) {
                    layerPaths.add(entry.path);
                    owners.delete(entry.path);
                    // Alone in its folder, it has no members: the project every install without member files shares.
                    const members = share('', () => facts_mergeProjects([]));
                    const run = { plan, key: '', project: members, members, disables: false };
                    installs.set(plan, run);
                    runValuesRules(run, i, new Map([[entry.path, lf]]));
                }
            }
            let lf;
            let text = '';
            if (!entry.skipped) {
                const t = handoff.get(entry.path)?.file.text ?? this.textOf(entry);
                if (t === undefined) {
                    entry.skipped = 'it could not be read again (it was removed or changed while being checked)';
                    entry.slim = loadFile(entry.path, '', {}).file;
                }
                else {
                    text = t;
                    // A layer of an install whose values rules just ran was parsed for them: its trees are handed over.
                    lf = handoff.get(entry.path) ?? loadFile(entry.path, t, { ...entry.options, parse: parseDocuments(t) });
                    handoff.delete(entry.path);
                    // One line index per text: a file kept from pass 1 (its kept objects) shares its table with the new trees.
                    if (entry.slim)
                        lf.file.lines = entry.slim.lines;
                }
            }
            const file = entry.slim ?? lf.file;
            const out = [];
            const builtin = (id, problem) => {
                const rule = byId.get(id);
                if (rule && config.rules[id] !== 'off')
                    out.push(toFinding(rule, problem, file, 'file', config));
            };
            const glooish = GLOOISH.test(entry.path) || GLOOISH.test(text) || layerPaths.has(entry.path);
            if (entry.skipped)
                builtin('file-skipped', { messageId: 'skipped', node: point(0), data: { path: file.path, reason: entry.skipped } });
            else if (file.skipped) {
                // A Helm template is no input of ours unless it looks like Gloo's; a workflow file never is.
                if (glooish && !WORKFLOW.test(entry.path))
                    builtin('input-unresolved', { messageId: 'template', node: point(0), data: { path: file.path } });
            }
            else if (file.parse.error) {
                const e = file.parse.error;
                if (glooish)
                    builtin('yaml-syntax', { messageId: 'invalid', node: point(e.offset), data: { reason: e.message.replace(/\.$/, '') } });
            }
            let objects = [];
            if (lf) {
                // The first pair of each key, per map with a duplicate: found once (a map may repeat thousands of keys).
                const firsts = new Map();
                const firstPair = (map, key) => {
                    let byKey = firsts.get(map);
                    if (!byKey) {
                        firsts.set(map, (byKey = new Map()));
                        for (const p of map.pairs)
                            if (p.key.kind === 'scalar' && !byKey.has(p.key.value))
                                byKey.set(p.key.value, p);
                    }
                    return byKey.get(key);
                };
                for (const doc of glooish ? lf.file.parse.documents : [])
                    for (const dup of doc.duplicateKeys) {
                        const first = dup.parent?.kind === 'map' ? firstPair(dup.parent, dup.value) : undefined;
                        builtin('yaml-duplicate-key', {
                            messageId: 'duplicate',
                            node: dup,
                            data: { key: dup.value, firstLine: first ? file.lines.positionAt(first.key.start).line : '?' }
                        });
                    }
                // A values document that is not Gloo on its own evidence, in a file named like Gloo: say how to declare it.
                if (!layerPaths.has(entry.path) && /gloo/i.test(entry.path.slice(entry.path.lastIndexOf('/') + 1)) && !descriptorPaths.has(entry.path))
                    for (const v of lf.values)
                        if (v.evidence && !isStrong(v.evidence) && v.evidence.weak && !WORKFLOW.test(entry.path)) {
                            builtin('input-unrecognized', { messageId: 'weak', node: point(0), data: { path: entry.path }, key: `doc:${v.doc.index}` });
                            break;
                        }
                // A kept object stands in for its rebuilt twin: the project's indexes hold the kept one. Read again, it
                // points at the whole file for its turn (its fixes edit the text), then at its stub again.
                const same = entry.stub === undefined || entry.length === lf.file.text.length;
                if (entry.kept && entry.stub && same)
                    for (const o of entry.kept.values())
                        o.file = lf.file;
                objects = entry.kept && same ? lf.objects.map((o, i) => entry.kept.get(i) ?? o) : lf.objects;
                // One context per distinct project among the installs the file belongs to (findings name every such install):
                // per set of member files, and for the rules that read what an install's values add, per install project.
                const owning = (owners.get(entry.path) ?? []).map((p) => installs.get(p));
                const contextsBy = (projectOf, rulesHere) => {
                    const groups = new Map();
                    for (const r of owning) {
                        const list = groups.get(projectOf(r));
                        if (list)
                            list.push(r);
                        else
                            groups.set(projectOf(r), [r]);
                    }
                    return [...groups].map(([project, rs]) => ({
                        ctx: { project, install: { name: rs.map((r) => r.plan.name).join(', '), complete: rs.every((r) => r.plan.complete) } },
                        suffix: several ? rs.map((r) => r.plan.name) : undefined,
                        rules: rulesHere
                    }));
                };
                const contexts = owning.length
                    ? [...contextsBy((r) => r.members, memberRules), ...contextsBy((r) => r.project, valuesFactRules)]
                    : [{ ctx: { project: neutral, disablingInstalls }, suffix: undefined, rules: objectRules }];
                for (const obj of objects) {
                    const resource = resourceOf(obj);
                    for (const { ctx, suffix, rules: here } of contexts)
                        for (const rule of here)
                            try {
                                for (const p of rule.checkObject(obj, ctx))
                                    out.push(withInstall(madeFor, toFinding(rule, p, file, resource, config), suffix));
                            }
                            catch (err) {
                                builtin('internal-error', { messageId: 'crashed', node: point(0), data: { rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) } });
                            }
                }
                if (entry.kept && entry.stub)
                    for (const o of entry.kept.values())
                        o.file = entry.stub;
                entry.kept = undefined;
            }
            // One by one: a values file may have more findings than a call takes arguments.
            for (const f of pending.get(entry.path) ?? [])
                out.push(f);
            pending.delete(entry.path);
            const kept = applySuppressions(file, objects, mergeInstalls(madeFor, out), byId, config);
            if (lf && !entry.slim) {
                slimDown(lf, new Set());
                entry.slim = lf.file;
            }
            yield { file: entry.slim, findings: settleFingerprints(sortFindings(dedupe(kept, true)), this.fingerprints) };
            // A file that can be read again leaves nothing behind (a report streams; finish() keeps what it was given).
            if (entry.reread) {
                entry.slim = undefined;
                entry.text = undefined;
            }
        }
    }
    /**
     * Plans the installs with each deferred file as an unparsed placeholder, and first parses in pass 1's way
     * (`undefer`) each deferred file that something else may depend on: one an install reads as a layer, descriptor or
     * fix target; one not alone in its folder and the folders below it (overlays, an umbrella, members); one whose
     * install would take a name another install has; one with values facts while a route belongs to no install (its
     * notice names the installs that disable Kubernetes destinations). Each deferred file left is an install alone,
     * or none, whatever its parse says. Only their number matters to the rest (findings name their install when the
     * run has several): with fewer than two installs planned, deferred files are parsed, first come, until it is known.
     */
    settleDeferred(config) {
        const { entries } = this;
        // How many deferred files to parse at once to count installs: doubled each time (deferred files that turn out
        // to be no install must not cost a planning each).
        let batch = 0;
        for (;;) {
            const plans = planInstalls(entries.map((e) => e.decl ?? emptyDecl(e.path, '')), config);
            const deferred = entries.filter((e) => e.deferred);
            if (!deferred.length)
                return { plans, several: plans.length > 1 };
            const landed = new Set(plans.flatMap(landing));
            // Entries in each folder and the folders below it.
            const under = new Map();
            for (const e of entries)
                for (let d = dirOf(e.path);; d = dirOf(d)) {
                    under.set(d, (under.get(d) ?? 0) + 1);
                    if (!d)
                        break;
                }
            const names = new Map();
            for (const p of plans)
                names.set(p.name.replace(/ #\d+$/, ''), 2);
            for (const e of deferred)
                names.set(aloneName(e.path), (names.get(aloneName(e.path)) ?? 0) + 1);
            let undo = deferred.filter((e) => landed.has(e.path) || under.get(dirOf(e.path)) !== 1 || names.get(aloneName(e.path)) > 1);
            if (!undo.length) {
                // Once the installs other files make are known (a route may turn out to belong to one).
                if (orphanRoutes(entries, fileLayers(plans), ownerIndex(plans)))
                    undo = deferred.filter((e) => e.valuesFacts);
            }
            if (!undo.length) {
                if (plans.length >= 2 || plans.length + deferred.length < 2)
                    return { plans, several: plans.length >= 2 };
                batch = Math.max(2 - plans.length, 2 * batch);
                undo = deferred.slice(0, batch);
            }
            for (const e of undo)
                this.undefer(e);
        }
    }
    /** A `Chart.yaml` the reader found beside a values file but that is not in the run: context for its install. */
    addSiblingCharts() {
        const have = new Set(this.entries.map((e) => e.path));
        for (const e of this.entries.slice()) {
            if (e.siblingChart === undefined)
                continue;
            const path = `${dirOf(e.path) ? `${dirOf(e.path)}/` : ''}Chart.yaml`;
            if (have.has(path))
                continue;
            have.add(path);
            const parse = parseDocuments(e.siblingChart);
            const lf = loadFile(path, e.siblingChart, { parse });
            const entry = { path, reported: false, text: e.siblingChart, options: {}, decl: declOf(lf), synthetic: true };
            slimDown(lf, new Set());
            entry.slim = lf.file;
            this.entries.push(entry);
        }
    }
    /** The trees of a file for pass 2 (a values layer of an install), parsed again; undefined when it cannot be read. */
    load(entry) {
        const text = this.textOf(entry);
        if (text === undefined)
            return undefined;
        const lf = loadFile(entry.path, text, { ...entry.options, parse: parseDocuments(text) });
        if (entry.slim)
            lf.file.lines = entry.slim.lines;
        return lf;
    }
    /** An install's effective values: its layers (highest first) resolved to trees, and where each node's file is. */
    buildInstall(plan, byPath, preloaded) {
        const cache = new Map();
        const get = (path) => {
            const e = byPath.get(path);
            if (!e || e.skipped)
                return undefined;
            let lf = cache.get(path);
            if (!lf) {
                lf = preloaded?.get(path) ?? this.load(e);
                if (lf)
                    cache.set(path, lf);
            }
            return lf;
        };
        const roots = new Map();
        const register = (node, file) => {
            roots.set(topOf(node), file);
        };
        const layers = [];
        const unresolved = [];
        for (const l of plan.layers) {
            if (l.kind === 'unresolved') {
                unresolved.push(l.what);
                continue;
            }
            const lf = get(l.path);
            if (!lf) {
                unresolved.push(`${l.path} (not read)`);
                continue;
            }
            let layer;
            if (l.kind === 'file') {
                const doc = lf.values.find((v) => v.evidence !== undefined);
                if (doc)
                    layer = { ...doc.layers[0], ossPath: l.ossPath, source: l.path };
                else if (lf.file.parse.error || lf.file.skipped)
                    unresolved.push(`${l.path} (${lf.file.skipped ?? 'not valid YAML'})`);
                else if (!lf.file.parse.documents.some((d) => d.root && d.root.kind !== 'scalar')) {
                    // Findings about missing keys point at line 1; the fix appends to the end (after any comments).
                    const root = { kind: 'map', pairs: [], flow: false, start: 0, end: 0, parent: null };
                    layer = { root, ossPath: l.ossPath, file: lf.file, source: l.path, emptyFile: true };
                }
                else
                    unresolved.push(`${l.path} (not a mapping)`);
            }
            else if (l.kind === 'inline') {
                const ref = lf.values[l.ordinal]?.stack[l.index];
                if (ref?.kind === 'inline')
                    layer = l.ossPath ? { ...ref.layer, ossPath: l.ossPath } : ref.layer;
            }
            else {
                const obj = lf.objects[l.objIndex];
                const data = deref(getNode(obj?.root, ['data', l.key]));
                const embedded = data && data.kind === 'scalar' ? embedValues(lf.file, data) : null;
                if (embedded?.root)
                    layer = { root: embedded.root, ossPath: l.ossPath, file: lf.file, source: `ConfigMap ${obj.name} ${l.key}`, embedded: true };
                else
                    unresolved.push(`ConfigMap ${obj?.name ?? '?'} data.${l.key}${embedded?.note ? ` (${embedded.note})` : ''}`);
            }
            if (layer) {
                register(layer.root, layer.file);
                layers.push(layer);
            }
        }
        layers.reverse();
        const descriptor = plan.descriptor ? get(plan.descriptor.path)?.values[plan.descriptor.ordinal] : undefined;
        if (descriptor)
            register(descriptor.anchor, descriptor.file);
        const home = descriptor ?? (layers.length ? undefined : null);
        if (home === null)
            return null;
        const top = layers[layers.length - 1];
        const v = descriptor
            ? { ...descriptor, layers, chart: plan.chart, prefix: plan.prefix }
            : {
                file: top.file,
                doc: top.file.parse.documents[0] ?? { index: 0, root: null, start: 0, end: 0, duplicateKeys: [] },
                form: plan.chart === 'gloo-ee' ? 'enterprise-values' : 'values',
                chart: plan.chart,
                prefix: plan.prefix,
                layers,
                stack: [],
                anchor: layers[0].root,
                notes: []
            };
        v.install = plan.name;
        if (plan.fixTarget)
            v.fixTarget = plan.fixTarget;
        // An umbrella dependency whose condition is false installs nothing (Helm: the first condition path that is set decides).
        if (v.condition) {
            for (const raw of v.condition.split(',')) {
                const path = raw.trim().split('.').filter(Boolean);
                const found = path.length ? layers.map((l) => deref(getNode(l.root, path))).find((n) => n && n.kind === 'scalar' && (n.value === 'true' || n.value === 'false')) : undefined;
                if (found && found.kind === 'scalar') {
                    if (found.value === 'false')
                        return null;
                    break;
                }
            }
        }
        settleVersion(v, this.config.glooVersion, plan.version);
        for (const n of v.notes)
            register(n.node, v.file);
        // The first unreadable layer the descriptor names, for the notice to point at.
        const unresolvedAt = descriptor?.stack.find((s) => s.kind === 'unresolved')?.node;
        return { v, fileOf: (n) => roots.get(topOf(n)), unresolved, loaded: cache, ...(unresolved.length && unresolvedAt ? { unresolvedAt } : {}) };
    }
}
/**
 * A text that can hold plain values documents and nothing else (its decl has only `values` documents, no facts):
 * no Kubernetes object (`apiVersion`), no umbrella `Chart.yaml`, Kustomize `helmCharts` or helmfile `releases`, and
 * no backslash (a double-quoted key could spell one of those with escapes).
 */
function mayBeValuesOnly(path, text) {
    return !CHART_FILE.test(path.slice(path.lastIndexOf('/') + 1)) && !NOT_VALUES_ONLY.test(text);
}
// One search of the text for all four (a values file holds none, so each `includes` read it whole: 2,700 files, 20 ms).
const NOT_VALUES_ONLY = /apiVersion|helmCharts|releases|\\/;
/** Words of the keys whose values add facts to an install (valuesFacts): one search for both. */
const VALUES_FACT_WORDS = /disableKubernetesDestinations|knative/;
/** Files named like Gloo, or holding the word: the only ones a syntax error or a template is reported on. */
const GLOOISH = /gloo/i;
const WORKFLOW = /(^|\/)\.github\/workflows\//;
/** The top of a node's tree (its document root, a synthetic map, an embedded document's root). */
function topOf(node) {
    let n = node;
    while (n.parent)
        n = n.parent;
    return n;
}
function docIndexAt(file, offset) {
    const d = file.parse.documents.find((x) => x.start <= offset && offset <= x.end);
    return d?.index ?? 0;
}
/**
 * A finding of an install with layers that cannot be read (catalog section 1A): such a layer could set the key, so
 * the finding is a notice marked unverified, and its fix only a suggestion.
 */
function unverified(f, install) {
    f.severity = 'notice';
    f.message = `Unverified (install ${install} has values layers that cannot be read): ${f.message}`;
    if (f.fix) {
        f.suggestions = [{ message: 'Apply once the unread layers are checked (what --fix would write if they were readable).', edits: f.fix }, ...(f.suggestions ?? [])];
        delete f.fix;
    }
    return f;
}
/** A key path as a rule prints it (`gloo.gatewayProxies.\u2026` in gloo-ee), as the chart reads it: without the prefix. */
function ossKey(key, prefix) {
    // Globals stay at the values root whatever the prefix (`global.\u2026`), so only a prefixed key loses it.
    return prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
}
/**
 * Fix condition F1 (catalog section 2, with sections 1.4 and 4.3): a safe fix stays one only when the chart
 * version is known and reads the key written. Unknown: a fix writing a key newer than 1.3.0 is a suggestion, and
 * the message says what it assumes. Known and too old: the fix would write a key the chart ignores, so only a
 * suggestion to upgrade first remains.
 * @param key the key as the finding prints it (with the chart's prefix)
 * @param oss the same key as the chart reads it, for catalog section 4.3
 */
function chartReads(f, key, oss, version, unknown) {
    if (!f.fix)
        return;
    if (!version) {
        if (unknown === 'fix')
            return;
        const row = keySince(oss)[0];
        if (!row)
            return;
        if (!f.message.includes('assuming chart \u2265'))
            f.message = `${f.message} (assuming chart \u2265 ${row.since}; the chart version is unknown)`;
        f.suggestions = [{ message: `Apply once the chart is known to be \u2265 ${row.since}, the first version that reads ${key} (what --fix would write if the version were known).`, edits: f.fix }, ...(f.suggestions ?? [])];
        delete f.fix;
        return;
    }
    const row = unreadRow(oss, version);
    if (!row)
        return;
    f.suggestions = [{ message: `Upgrade the chart to \u2265 ${row.since} first: chart ${version.raw} does not read ${key}; then apply this.`, edits: f.fix }, ...(f.suggestions ?? [])];
    delete f.fix;
}
/** Remembers the installs (when the run holds several) a finding was made for. */
function withInstall(madeFor, f, installs) {
    if (installs)
        madeFor.set(f, installs);
    return f;
}
/**
 * The same finding made for several installs (same rule, node and message) is reported once; the message and the
 * `install` field name every install it was made for.
 */
function mergeInstalls(madeFor, findings) {
    // A run with one install makes no finding for installs (nor does a file outside every install).
    if (!madeFor.size)
        return findings;
    // Most files' findings were all made for one install (a values file, a member of one install): each is named,
    // and a repeat of one (same place and message) is left to `dedupe`, as it would be after a merge.
    const first = madeFor.get(findings[0]);
    if (first?.length === 1 && findings.every((f) => madeFor.get(f) === first)) {
        for (const f of findings) {
            madeFor.delete(f);
            nameInstalls(f, first);
        }
        return findings;
    }
    const byPlace = new Map();
    const out = [];
    // The installs' lists are shared (readonly): one is copied only when a second list joins it.
    const names = new Map();
    for (const f of findings) {
        const installs = madeFor.get(f);
        if (!installs) {
            out.push(f);
            continue;
        }
        madeFor.delete(f);
        const seen = sameAsSeen(byPlace, `${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}`, f);
        if (!seen) {
            names.set(f, installs);
            out.push(f);
        }
        else
            names.set(seen, [...names.get(seen), ...installs]);
    }
    for (const [f, list] of names)
        nameInstalls(f, list.length > 1 ? [...new Set(list)] : list);
    return out;
}
/** Names the installs a finding was made for: its `install` field, and the end of its message. */
function nameInstalls(f, installs) {
    f.install = installs.join(', ');
    f.message = `${f.message} (${installs.length > 1 ? 'installs' : 'install'} ${f.install})`;
}
const NO_DUPLICATES = Object.freeze([]);
/**
 * Drops a file's trees: its SourceFile keeps path, text and lines, and one root-less entry per document.
 * Objects the project kept still point at this file, so its edits must indent as the whole file did.
 */
function slimDown(lf, kept) {
    const file = lf.file;
    const parse = {
        documents: file.parse.documents.map((d) => ({ index: d.index, root: null, start: d.start, end: d.end, duplicateKeys: NO_DUPLICATES })),
        aliasCount: file.parse.aliasCount
    };
    if (file.parse.error)
        parse.error = file.parse.error;
    // Objects the project kept may still get fixes: keep the indentation step measured while the trees existed.
    const edit = new EditSource(file.text, [], { lines: file.lines, indentStep: kept.size ? file.edit.indentStep : undefined });
    // The line index pass 1 may have built stays: it is the one table of this file for the rest of the run.
    const slim = { path: file.path, text: file.text, lines: file.lines, edit, parse };
    if (file.skipped !== undefined)
        slim.skipped = file.skipped;
    for (const obj of kept)
        obj.file = slim;
    lf.file = slim;
}
/** Convenience for one file. */
function lintText(path, text, options = {}) {
    return lint([{ path, text }], options).findings;
}
const point = (offset) => ({ kind: 'scalar', value: '', style: 'plain', empty: true, start: offset, end: offset, parent: null });
function resourceOf(obj) {
    return `${obj.kind}/${obj.namespace ?? ''}/${obj.name}`;
}
/**
 * @param keyPath for a values finding, the chart key it is about (`gateway.proxyServiceAccount.disableAutomount`):
 *   its fingerprint then names the key, not the node the finding points at, which for a missing key is the nearest
 *   existing ancestor and moves when a fix inserts a parent.
 */
function toFinding(rule, p, file, resource, config, keyPath) {
    const setting = config.rules[rule.meta.id];
    const severity = setting && setting !== 'off' ? setting : p.severity ?? rule.meta.severity;
    const template = rule.meta.messages[p.messageId] ?? p.messageId;
    const jsonPath = p.node.parent ? jsonPathOf(p.node) : '';
    const finding = {
        ruleId: rule.meta.id,
        messageId: p.messageId,
        severity,
        message: formatMessage(template, p.data),
        path: file.path,
        span: file.lines.spanOf(p.node.start, p.node.end),
        offsets: [p.node.start, p.node.end],
        resource,
        jsonPath,
        // What the fingerprint hashes, until the file's findings are settled (settleFingerprints).
        fingerprint: [rule.meta.id, file.path, resource, keyPath ?? jsonPath, p.key ?? '', keyPath || jsonPath ? '' : p.messageId].join('\u0000')
    };
    if (p.fix && p.fix.length)
        finding.fix = p.fix;
    if (p.suggest?.length)
        finding.suggestions = p.suggest.map((s) => ({ message: formatMessage(rule.meta.messages[s.messageId] ?? s.messageId, s.data ?? p.data), edits: s.edits }));
    return finding;
}
/** The first 16 hex digits of SHA-256 over the parts (one-shot `crypto.hash` where Node has it: no Hash object). */
function fingerprint(parts) {
    return sha256Hex16(parts.join('\u0000'));
}
function sha256Hex16(input) {
    const c = nodeCrypto();
    const hex = typeof c.hash === 'function' ? c.hash('sha256', input, 'hex') : c.createHash('sha256').update(input).digest('hex');
    return hex.slice(0, 16);
}
/** node:crypto, loaded when the first fingerprint is made (a run without findings, or without fingerprints, never needs it: start-up). */
let cryptoModule;
const nodeCrypto = () => (cryptoModule ??= (0,external_node_module_namespaceObject.createRequire)(import.meta.url)('node:crypto'));
/** Drops repeated findings (same place and message); `onePath`: the findings are all of one file (keys skip it). */
function dedupe(findings, onePath = false) {
    const seen = new Map();
    return findings.filter((f) => sameAsSeen(seen, onePath ? `${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}` : `${f.path}\u0000${f.ruleId}\u0000${f.offsets[0]}\u0000${f.offsets[1]}`, f) === undefined);
}
/**
 * The finding among those seen with the same `place` (path, rule, span) and message as `f`, else undefined (and
 * `f` counts as seen). Messages are long: they are compared only within a place, not hashed into its key.
 */
function sameAsSeen(seen, place, f) {
    const here = seen.get(place);
    if (!here) {
        seen.set(place, [f]);
        return undefined;
    }
    const same = here.find((g) => g.message === f.message);
    if (!same)
        here.push(f);
    return same;
}
/**
 * A file's findings get their fingerprints: each holds what its fingerprint hashes (toFinding), which becomes the
 * first 16 hex digits of its SHA-256, or '' when the run wants none (`LintOptions.fingerprints`). Two identical
 * resources in one file would share fingerprints: the repeats are numbered, in file order.
 */
function settleFingerprints(findings, wanted) {
    const seen = new Map();
    for (const f of findings) {
        const input = f.fingerprint;
        if (!wanted) {
            f.fingerprint = '';
            continue;
        }
        const n = seen.get(input) ?? 0;
        seen.set(input, n + 1);
        const hash = sha256Hex16(input);
        f.fingerprint = n > 0 ? fingerprint([hash, String(n)]) : hash;
    }
    return findings;
}
function sortFindings(findings) {
    return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
        a.span.start.line - b.span.start.line ||
        a.span.start.column - b.span.start.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
/** Drops suppressed findings and reports suppressions that matched nothing or cannot be read. */
function applySuppressions(file, objects, findings, byId, config) {
    const scanned = scanComments(file.text, file.lines, byId);
    const comments = scanned.filter((c) => !c.problem);
    const annotations = [];
    for (const obj of objects)
        for (const scan of parseAnnotation(obj.annotations, byId)) {
            const pair = mapEntries(getNode(obj.root, ['metadata', 'annotations'])).find((p) => keyOf(p) === scan.key);
            annotations.push({ obj, rules: scan.rules, used: new Set(), scan, pair });
        }
    if (!scanned.length && !annotations.length)
        return findings;
    // By the line they cover and the resource they annotate: a generated file may suppress thousands of findings.
    const commentsAt = new Map();
    for (const c of comments)
        for (const line of c.covers) {
            const list = commentsAt.get(line);
            if (list)
                list.push(c);
            else
                commentsAt.set(line, [c]);
        }
    const annotationsOf = new Map();
    for (const a of annotations) {
        const resource = resourceOf(a.obj);
        const list = annotationsOf.get(resource);
        if (list)
            list.push(a);
        else
            annotationsOf.set(resource, [a]);
    }
    const kept = [];
    for (const f of findings) {
        let suppressed = false;
        for (const c of commentsAt.get(f.span.start.line) ?? [])
            if (c.rule === f.ruleId) {
                c.used = true;
                suppressed = true;
            }
        for (const a of annotationsOf.get(f.resource) ?? [])
            if (a.rules.includes(f.ruleId)) {
                a.used.add(f.ruleId);
                suppressed = true;
            }
        if (!suppressed)
            kept.push(f);
    }
    const rule = byId.get('suppression-unused');
    if (!rule || config.rules['suppression-unused'] === 'off')
        return kept;
    const node = (start, end) => ({ kind: 'scalar', value: '', style: 'plain', empty: false, start, end, parent: null });
    // unknownRule keeps the fingerprint it always had (no key); the other problems are told apart by what they quote.
    const problemKey = (messageId, data) => (messageId === 'unknownRule' ? undefined : `${messageId}:${Object.values(data).join(',')}`);
    for (const c of scanned) {
        if (c.problem) {
            const { messageId, data } = c.problem;
            kept.push(toFinding(rule, { messageId, node: node(c.start, c.end), data, key: problemKey(messageId, data) }, file, 'file', config));
            continue;
        }
        if (!c.reason)
            kept.push(toFinding(rule, { messageId: 'noReason', node: node(c.start, c.end), data: { rule: c.rule }, key: `reason:${c.line}` }, file, 'file', config));
        if (!c.used && isEnabled(byId.get(c.rule), config.rules))
            kept.push(toFinding(rule, { messageId: 'unused', node: node(c.start, c.end), data: { rule: c.rule }, key: String(c.line) }, file, 'file', config));
    }
    for (const a of annotations) {
        const resource = resourceOf(a.obj);
        for (const { messageId, data } of a.scan.problems) {
            // A misspelt key is pointed at; a faulty value of the right key, at the value.
            const n = (a.scan.key === IGNORE_ANNOTATION ? a.pair?.value : a.pair?.key) ?? a.obj.root;
            kept.push(toFinding(rule, { messageId, node: n, data, key: problemKey(messageId, data) }, file, resource, config));
        }
        for (const r of a.rules)
            if (!a.used.has(r) && isEnabled(byId.get(r), config.rules))
                kept.push(toFinding(rule, { messageId: 'unused', node: a.pair?.value ?? a.obj.root, data: { rule: r }, key: r }, file, resource, config));
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/engine/fix.ts
/** `--fix`: apply every safe fix (never suggestions), re-linting between passes so overlapping fixes converge. */





/**
 * Each pass re-lints and applies the fixes that do not overlap; leftovers get fresh offsets next pass. Fixes
 * that insert missing keys under the same map overlap, so a bare values file can need many passes (ESLint: 10).
 */
const MAX_FIX_PASSES = 10;
const hasFix = (f) => !!f.fix && f.fix.length > 0;
/** Parse errors and duplicate keys: a fix may not add either (two inserts of one parent key would still parse). */
function damage(text) {
    const r = parseDocuments(text);
    return r.error ? Infinity : r.documents.reduce((n, d) => n + d.duplicateKeys.length, 0);
}
const worse = (after, before) => damage(after) > damage(before);
/**
 * The fixes one pass applies, in order: a finding's edits go in together or not at all, and one that overlaps
 * (or inserts at the same point as) an earlier finding's waits for the next pass, since two inserts of the same
 * missing parent key would repeat it.
 */
function nonOverlapping(findings) {
    const taken = [];
    const index = new edit_EditIndex();
    for (const f of findings)
        if (hasFix(f) && !index.overlaps(f.fix)) {
            taken.push(f);
            index.add(f.fix);
        }
    return taken;
}
/** Applies every `fix` of every finding to the files, in memory; the caller decides whether to write. */
function fixFiles(files, lintOptions = {}) {
    const original = new Map(files.map((f) => [f.path, f.text]));
    const current = new Map(original);
    const applied = [];
    const rejected = [];
    // A fingerprint is fixed at most once: a fix that does not make its finding go away must not be applied
    // again (an insertion would be duplicated every pass).
    const attempted = new Set();
    const withText = () => files.map((f) => (f.skipped ? f : { ...f, text: current.get(f.path) ?? f.text }));
    // Per file, the edits of each pass that changed it (in that pass's text), to locate later edits in the original.
    const history = new Map();
    // Per file, the original's lines (an edit's line is found as a finding's is).
    const lines = new Map();
    const edits = [];
    const record = (path, text, done) => {
        const earlier = history.get(path) ?? [];
        let at = lines.get(path);
        if (!at)
            lines.set(path, (at = new LineIndex(original.get(path) ?? '')));
        for (const f of done)
            for (const e of [...(f.fix ?? [])].sort((a, b) => a.range[0] - b.range[0])) {
                const start = toOriginal(e.range[0], earlier);
                edits.push({ path, ruleId: f.ruleId, finding: f, line: at.positionAt(start).line, removed: text.slice(e.range[0], e.range[1]), inserted: e.text });
            }
        history.set(path, [...earlier, passOf(done.flatMap((f) => f.fix ?? []))]);
    };
    let findings = lint(withText(), lintOptions).findings;
    const initial = findings;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const fixable = findings.filter((f) => hasFix(f) && !attempted.has(key(f)));
        if (!fixable.length)
            break;
        const byPath = new Map();
        for (const f of fixable) {
            if (!hasFix(f))
                continue;
            const list = byPath.get(f.path);
            if (list)
                list.push(f);
            else
                byPath.set(f.path, [f]);
        }
        let changed = false;
        for (const [path, list] of byPath) {
            const text = current.get(path);
            if (text === undefined)
                continue;
            const taken = nonOverlapping(list);
            const result = edit_applyEdits(text, taken.flatMap((f) => f.fix));
            if (result.skipped.length) {
                // Out-of-range or self-overlapping edits: apply the findings one by one instead.
                const one = applyOneByOne(text, taken);
                for (const r of one.rejected) {
                    attempted.add(key(r.finding));
                    rejected.push(r);
                }
                for (const f of one.applied)
                    attempted.add(key(f));
                if (one.text !== text)
                    current.set(path, one.text);
                record(path, text, one.applied);
                for (const f of one.applied)
                    applied.push(f);
                changed ||= one.text !== text || one.rejected.length > 0;
                continue;
            }
            if (!worse(result.output, text)) {
                for (const f of taken)
                    attempted.add(key(f));
                current.set(path, result.output);
                record(path, text, taken);
                for (const f of taken)
                    applied.push(f);
                changed = true;
                continue;
            }
            // The combination breaks the file: find the fixes that break it alone, and keep the others for the
            // next pass; if none does alone, they conflict, and none of them is applied.
            const breaking = taken.filter((f) => worse(edit_applyEdits(text, f.fix).output, text));
            const culprits = breaking.length ? breaking : taken;
            for (const f of culprits) {
                attempted.add(key(f));
                rejected.push({ finding: f, reason: breaking.length ? 'the fixed file would not parse (or would repeat a key)' : 'it conflicts with another fix (the fixed file would not parse, or would repeat a key)' });
            }
            changed = true;
        }
        if (!changed)
            break;
        findings = lint(withText(), lintOptions).findings;
    }
    const outputs = new Map();
    for (const [path, text] of current)
        if (text !== original.get(path))
            outputs.set(path, text);
    return { outputs, applied, remaining: findings, rejected, initial, edits };
}
function applyOneByOne(text, list) {
    // Offsets are only valid for the text they were computed on, so apply the first fix that works and leave
    // the others untouched for the next pass, which re-lints.
    const rejected = [];
    for (const f of list) {
        const r = edit_applyEdits(text, f.fix);
        if (r.skipped.length)
            rejected.push({ finding: f, reason: 'its edits overlap or fall outside the file' });
        else if (worse(r.output, text))
            rejected.push({ finding: f, reason: 'the fixed file would not parse (or would repeat a key)' });
        else
            return { text: r.output, applied: [f], rejected };
    }
    return { text, applied: [], rejected };
}
function passOf(edits) {
    const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
    const after = [];
    const shift = [];
    let moved = 0;
    for (const e of sorted) {
        after.push(e.range[0] + moved);
        moved += e.text.length - (e.range[1] - e.range[0]);
        shift.push(moved);
    }
    return { edits: sorted, after, shift };
}
/**
 * An offset of the text after `passes` as an offset of the text before them; an offset inside inserted text maps to
 * where that text went in.
 */
function toOriginal(offset, passes) {
    let o = offset;
    for (let p = passes.length - 1; p >= 0; p--) {
        const { edits, after, shift } = passes[p];
        // The last edit whose text starts at or before o (every earlier one's text ends before it does).
        const k = firstAtLeast(after, o + 1) - 1;
        if (k < 0)
            continue;
        o = o < after[k] + edits[k].text.length ? edits[k].range[0] : o - shift[k];
    }
    return o;
}
const key = (f) => `${f.path}\u0000${f.fingerprint}`;

;// CONCATENATED MODULE: ./src/report/stream.ts
/** Writing large reports in chunks, honouring backpressure, instead of building one giant string. */
/**
 * process.stdout as a sink that gets bytes. A file is written synchronously; a pipe or terminal is written at once
 * when it can take it all (always on Linux, where they block), and otherwise keeps the chunk queued and says so
 * in `writableLength`. Other streams may keep a chunk they were given (a Writable's `_write` owns it), so only
 * this stream is used this way.
 */
function byteSink(stream) {
    return {
        takesBytes: true,
        write: (chunk) => stream.write(chunk),
        once: (event, listener) => stream.once(event, listener),
        get writableLength() {
            return stream.writableLength;
        }
    };
}
const takesBytes = (sink) => sink.takesBytes === true;
/**
 * Writes text in chunks of about `size` characters as `parts` yields it, waiting for `drain` when the sink
 * asks to: a 60 MB report is never one string, nor one write. A `byteSink` gets bytes: each chunk is encoded
 * (UTF-8, as the stream would) into one buffer, reused while the stream lets go of each write when `write`
 * returns; else the next chunk gets a new one. (A new buffer per chunk was a good part of a large report's cost;
 * so is a call per small piece, hence the pieces are first joined into a chunk's text: docs/benchmarks.md.)
 */
async function writeChunked(sink, parts, size = 1 << 15) {
    const bytes = takesBytes(sink) ? sink : undefined;
    // A chunk's text is written at most `2 * size` characters at a time (it is flushed from `size` on, so it is
    // mostly one write); a UTF-16 code unit is at most 3 bytes of UTF-8, and 4 spare bytes keep a surrogate pair whole.
    const most = 2 * size;
    const capacity = 3 * most + 4;
    let buf = bytes ? Buffer.allocUnsafeSlow(capacity) : undefined;
    // The text of the chunk being made, as pieces: joined once, when it is written. (Joined as they come, they
    // make an object per piece; a whole batch joined at once can make a string large enough for V8's large-object
    // space, which only a full collection frees.) Filled by index and cut to the count only when joined: emptied
    // with `length = 0` after each chunk, the array's storage was dropped and grown again, piece by piece, for the
    // next chunk (1 KB a finding of a SARIF report).
    const pending = [];
    let count = 0;
    let length = 0;
    const send = async (chunk) => {
        const more = bytes ? bytes.write(chunk) : sink.write(chunk);
        // Still held (a pipe that could not take it all at once): the stream owns that buffer now.
        if (bytes && bytes.writableLength > 0)
            buf = Buffer.allocUnsafeSlow(capacity);
        if (more === false && typeof sink.once === 'function')
            await new Promise((resolve) => sink.once('drain', resolve));
    };
    const flush = async () => {
        if (!length)
            return;
        if (pending.length !== count)
            pending.length = count;
        const all = count === 1 ? pending[0] : pending.join('');
        count = 0;
        length = 0;
        if (!buf)
            return send(all);
        // Never cut inside a surrogate pair.
        for (let from = 0; from < all.length;) {
            let to = Math.min(all.length, from + most);
            if (to < all.length && isHighSurrogate(all.charCodeAt(to - 1)))
                to = to - 1 > from ? to - 1 : to + 1;
            const used = buf.write(from === 0 && to === all.length ? all : all.slice(from, to), 0);
            from = to;
            await send(buf.subarray(0, used));
        }
    };
    for await (const part of parts) {
        const pieces = typeof part === 'string' ? [part] : part;
        // Indexed: an iterator here, across an await, would make an object per piece.
        for (let i = 0; i < pieces.length; i++) {
            pending[count++] = pieces[i];
            length += pieces[i].length;
            if (length >= size)
                await flush();
        }
    }
    await flush();
}
const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
/**
 * The elements of a pretty-printed JSON array whose elements sit at `indent` spaces, joined by `,\n`, exactly as
 * `JSON.stringify(whole, null, 2)` prints them. Built a batch at a time: each batch is stringified nested in
 * `indent / 2` arrays, which indents it as the whole document would, and the brackets are cut off. Batches stay
 * small: a string over ~128 kB goes to V8's large-object space, which only a full collection frees.
 */
function* prettyElements(items, indent, batchSize = 32) {
    const depth = indent / 2;
    let open = '';
    let close = '';
    for (let i = 0; i < depth; i++) {
        open += `${' '.repeat(2 * i)}[\n`;
        close = `\n${' '.repeat(2 * i)}]${close}`;
    }
    let batch = [];
    let first = true;
    const flush = () => {
        let nested = batch;
        for (let i = 1; i < depth; i++)
            nested = [nested];
        const text = JSON.stringify(nested, null, 2);
        const out = (first ? '' : ',\n') + text.slice(open.length, text.length - close.length);
        first = false;
        batch = [];
        return out;
    };
    for (const item of items) {
        batch.push(item);
        if (batch.length >= batchSize)
            yield flush();
    }
    if (batch.length)
        yield flush();
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The machine format of the CLI: every finding with its span, offsets, fingerprint and edits, plus totals. */


/** Copies a finding with a fixed key order, dropping absent optional fields. */
function ordered(f) {
    const out = {
        ruleId: f.ruleId,
        messageId: f.messageId,
        severity: f.severity,
        message: f.message,
        path: f.path,
        span: f.span,
        offsets: f.offsets,
        resource: f.resource,
        jsonPath: f.jsonPath,
        fingerprint: f.fingerprint
    };
    if (f.install !== undefined)
        out.install = f.install;
    if (f.fix)
        out.fix = f.fix;
    if (f.suggestions)
        out.suggestions = f.suggestions;
    if (f.inDiffFile !== undefined)
        out.inDiffFile = f.inDiffFile;
    if (f.inDiffContext !== undefined)
        out.inDiffContext = f.inDiffContext;
    return out;
}
function toJsonReport(findings) {
    return { version: 1, findings: findings.map(ordered), summary: summarize(findings) };
}
function summarize(findings) {
    const summary = emptySummary();
    for (const f of findings)
        add(summary, f);
    return summary;
}
const emptySummary = () => ({ ...Object.fromEntries(SEVERITIES.map((s) => [s, 0])), total: 0, fixable: 0 });
function add(summary, f) {
    summary[f.severity]++;
    summary.total++;
    if (f.fix?.length)
        summary.fixable++;
}
/** The report as pretty-printed JSON, ending with a newline. */
function toJson(findings) {
    return JSON.stringify(toJsonReport(findings), null, 2) + '\n';
}
/**
 * Streams exactly `toJson` of all the findings, finding by finding: a large report is never one string. The
 * findings may come in batches, as a linter makes them (`Linter.eachFile`); the summary follows them.
 */
async function writeJson(sink, findings) {
    // An array is the findings; anything else yields them in batches (as writeSarif takes them).
    const batches = (Array.isArray(findings) ? [findings] : findings);
    const summary = emptySummary();
    async function* parts() {
        let any = false;
        for await (const batch of batches) {
            if (!batch.length)
                continue;
            yield any ? ',\n' : '{\n  "version": 1,\n  "findings": [\n';
            any = true;
            for (const f of batch)
                add(summary, f);
            yield* prettyElements((function* () {
                for (const f of batch)
                    yield ordered(f);
            })(), 4);
        }
        const tail = JSON.stringify({ summary }, null, 2).slice(1);
        yield any ? `\n  ],${tail}\n` : `{\n  "version": 1,\n  "findings": [],${tail}\n`;
    }
    await writeChunked(sink, parts());
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
/** SARIF 2.1.0 for GitHub code scanning: the rule catalog as `tool.driver.rules`, findings as results. */


const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Where the tool and its rule pages live (overridable for forks and mirrors). */
/** The project's home: package.json `homepage` without its `#readme` (a test keeps the two equal). */
const INFORMATION_URI = 'https://github.com/org/gloo-harden-action';
/** The partialFingerprints key; bump the version if the fingerprint's inputs change. */
const FINGERPRINT_KEY = 'glooHarden/v1';
/** Results are reported relative to the checkout, as GitHub expects (`uriBaseId` resolves there). */
const SRCROOT = '%SRCROOT%';
const SARIF_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** `proxy-token-automount` \u2192 `ProxyTokenAutomount` (SARIF's friendly rule name). */
const pascal = (id) => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
/** A repo-relative path as a relative URI reference: each segment percent-encoded, slashes kept. */
const toUri = (path) => path.split('/').map(encodeURIComponent).join('/');
const sentence = (s) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
/** A doc page without its HTML comments (the generated-block markers mean nothing in an alert). */
const cleanDoc = (md) => md.replace(/<!--[\s\S]*?-->\n?/g, '').trim();
function descriptor(rule, options) {
    const m = rule.meta;
    const base = options.informationUri ?? INFORMATION_URI;
    const helpUri = `${base}/blob/main/docs/rules/${m.id}.md`;
    const doc = options.ruleDocs?.get(m.id);
    const markdown = doc
        ? cleanDoc(doc)
        : [
            `# ${m.id}`,
            '',
            sentence(m.description),
            '',
            `**Remediation.** ${m.remediation}`,
            '',
            `Default severity \`${m.severity}\`, category ${m.category}${m.fixable ? ', fixable with `gloo-harden --fix`' : ''}.`,
            '',
            `[Rule documentation](${helpUri})`
        ].join('\n');
    return {
        id: m.id,
        name: pascal(m.id),
        shortDescription: { text: sentence(m.description) },
        fullDescription: { text: `${sentence(m.description)} ${m.remediation}` },
        // GitHub shows help, not helpUri, in the alert, so the remediation must be in it.
        help: { text: `${sentence(m.description)}\n\nRemediation: ${m.remediation}`, markdown },
        helpUri,
        defaultConfiguration: { level: SARIF_LEVEL[m.severity] },
        properties: { tags: [...new Set([m.category, m.builtin ? 'engine' : 'gloo', ...(m.category === 'security' ? ['security'] : [])])], category: m.category, fixable: m.fixable }
    };
}
function fixOf(f, positionAt, artifactLocation) {
    if (!f.fix?.length || !positionAt)
        return undefined;
    const region = (e) => {
        const s = positionAt(e.range[0]);
        const end = positionAt(e.range[1]);
        return { startLine: s.line, startColumn: s.column, endLine: end.line, endColumn: end.column };
    };
    return [
        {
            description: { text: `Fix ${f.ruleId}: ${f.message}` },
            artifactChanges: [
                {
                    artifactLocation,
                    replacements: [...f.fix].sort((a, b) => a.range[0] - b.range[0]).map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } }))
                }
            ]
        }
    ];
}
/** Positions in the files given in `options.lineStarts` or `options.sources` (line index built on first use). */
function linesLookup(options) {
    const lineIndexes = new Map();
    return (path) => {
        const known = options.lineStarts?.get(path);
        if (known)
            return (offset) => positionIn(known.starts, known.length, offset);
        const text = options.sources?.get(path);
        if (text === undefined)
            return undefined;
        let li = lineIndexes.get(path);
        if (!li)
            lineIndexes.set(path, (li = new LineIndex(text)));
        return (offset) => li.positionAt(offset);
    };
}
function sarifResult(f, index, linesOf) {
    const artifactLocation = { uri: toUri(f.path), uriBaseId: SRCROOT };
    const i = index.get(f.ruleId);
    const result = {
        ruleId: f.ruleId,
        ...(i !== undefined ? { ruleIndex: i } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation,
                    region: { startLine: f.span.start.line, startColumn: f.span.start.column, endLine: f.span.end.line, endColumn: f.span.end.column }
                }
            }
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        properties: { resource: f.resource, jsonPath: f.jsonPath, ...(f.install !== undefined ? { install: f.install } : {}) }
    };
    const fixes = fixOf(f, linesOf(f.path), artifactLocation);
    if (fixes)
        result.fixes = fixes;
    return result;
}
/** Builds the SARIF log; `rules` is the catalog (every rule, so the ruleIndex of each result resolves). */
function toSarif(findings, rules, options) {
    const descriptors = rules.map((r) => descriptor(r, options));
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    const linesOf = linesLookup(options);
    const results = findings.map((f) => sarifResult(f, index, linesOf));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'gloo-harden',
                        version: options.toolVersion,
                        semanticVersion: options.toolVersion,
                        informationUri: options.informationUri ?? INFORMATION_URI,
                        rules: descriptors
                    }
                },
                columnKind: 'utf16CodeUnits',
                results
            }
        ]
    };
}
/**
 * Streams the log: exactly `JSON.stringify(toSarif(findings, rules, options), null, 2) + '\n'`, written result
 * by result, so neither the log object nor its text is ever whole in memory. The findings may also come in
 * batches, as a linter produces them (`Linter.eachFile`): the log is the same as for their concatenation.
 */
async function writeSarif(sink, findings, rules, options) {
    const envelope = toSarif([], rules, options);
    const index = new Map(envelope.runs[0].tool.driver.rules.map((d, i) => [d.id, i]));
    const linesOf = linesLookup(options);
    const text = JSON.stringify(envelope, null, 2);
    const at = text.lastIndexOf('"results": []');
    const head = text.slice(0, at + '"results": ['.length);
    const tail = text.slice(at + '"results": ['.length + 1);
    const batches = isBatches(findings) ? findings : [findings];
    const uris = new Map();
    async function* parts() {
        let any = false;
        for await (const batch of batches) {
            if (!batch.length)
                continue;
            // A batch is one file's findings, as a linter makes them: their results go out as pieces, 32 results at a
            // time (a file with thousands of findings makes no array large enough for V8's large-object space).
            let pieces = [];
            for (let i = 0; i < batch.length; i++) {
                pieces.push(i || any ? ',\n' : head + '\n');
                resultPieces(batch[i], index, linesOf, uris, pieces);
                if (i % 32 === 31) {
                    yield pieces;
                    pieces = [];
                }
            }
            if (pieces.length)
                yield pieces;
            any = true;
        }
        yield any ? '\n      ]' + tail + '\n' : text + '\n';
    }
    await writeChunked(sink, parts());
}
const q = JSON.stringify;
/** Spaces for JSON.stringify's nesting level `n` (two per level). */
const pad = (n) => ' '.repeat(2 * n);
const P = Array.from({ length: 13 }, (_, n) => pad(n));
/** A region's members at nesting level `n`, as JSON.stringify prints them. */
function regionPieces(startLine, startColumn, endLine, endColumn, n, out) {
    const r = n === 9 ? R9 : R12;
    out.push(r[0], String(startLine), r[1], String(startColumn), r[2], String(endLine), r[3], String(endColumn), r[4]);
}
const regionKeys = (n) => [`${P[n]}"startLine": `, `,\n${P[n]}"startColumn": `, `,\n${P[n]}"endLine": `, `,\n${P[n]}"endColumn": `, '\n'];
const R9 = regionKeys(9);
const R12 = regionKeys(12);
/** The fixed parts of a result's text, between the values (made once). */
const T = {
    open: `${P[4]}{\n${P[5]}"ruleId": `,
    ruleIndex: `,\n${P[5]}"ruleIndex": `,
    level: `,\n${P[5]}"level": "`,
    message: `",\n${P[5]}"message": {\n${P[6]}"text": `,
    location: `\n${P[5]}},\n${P[5]}"locations": [\n${P[6]}{\n${P[7]}"physicalLocation": {\n${P[8]}`,
    // `"artifactLocation": {\u2026}` with its key at nesting level 8 (a result's location) or 9 (a fix's change).
    artifact8: `"artifactLocation": {\n${P[9]}"uri": `,
    artifactEnd8: `,\n${P[9]}"uriBaseId": "${SRCROOT}"\n${P[8]}}`,
    artifact9: `"artifactLocation": {\n${P[10]}"uri": `,
    artifactEnd9: `,\n${P[10]}"uriBaseId": "${SRCROOT}"\n${P[9]}}`,
    region: `,\n${P[8]}"region": {\n`,
    fingerprint: `${P[8]}}\n${P[7]}}\n${P[6]}}\n${P[5]}],\n${P[5]}"partialFingerprints": {\n${P[6]}${q(FINGERPRINT_KEY)}: `,
    resource: `\n${P[5]}},\n${P[5]}"properties": {\n${P[6]}"resource": `,
    jsonPath: `,\n${P[6]}"jsonPath": `,
    install: `,\n${P[6]}"install": `,
    fixes: `\n${P[5]}},\n${P[5]}"fixes": [\n${P[6]}{\n${P[7]}"description": {\n${P[8]}"text": `,
    changes: `\n${P[7]}},\n${P[7]}"artifactChanges": [\n${P[8]}{\n${P[9]}`,
    replacements: `,\n${P[9]}"replacements": [\n`,
    fixesEnd: `\n${P[9]}]\n${P[8]}}\n${P[7]}]\n${P[6]}}\n${P[5]}]\n${P[4]}}`,
    deleted: `${P[10]}{\n${P[11]}"deletedRegion": {\n`,
    inserted: `${P[11]}},\n${P[11]}"insertedContent": {\n${P[12]}"text": `,
    insertedEnd: `\n${P[11]}}\n${P[10]}}`,
    close: `\n${P[5]}}\n${P[4]}}`
};
/**
 * `sarifResult(f, \u2026)` exactly as `JSON.stringify(log, null, 2)` prints it in `runs[0].results` (nesting level 4),
 * in pieces pushed to `out`, to be written one after the other: no result object is built, no generic printer
 * walks it, and no string of the whole result is made (a finding's SARIF result was the largest part of its
 * cost). The SARIF tests compare it with JSON.stringify for every shape a result takes.
 * @param uris the run's quoted URIs by path (each path is encoded once)
 */
function resultPieces(f, index, linesOf, uris, out) {
    let uri = uris.get(f.path);
    if (uri === undefined)
        uris.set(f.path, (uri = q(toUri(f.path))));
    const i = index.get(f.ruleId);
    const { start, end } = f.span;
    out.push(T.open, q(f.ruleId));
    if (i !== undefined)
        out.push(T.ruleIndex, String(i));
    out.push(T.level, SARIF_LEVEL[f.severity], T.message, q(f.message), T.location, T.artifact8, uri, T.artifactEnd8, T.region);
    regionPieces(start.line, start.column, end.line, end.column, 9, out);
    out.push(T.fingerprint, q(f.fingerprint), T.resource, q(f.resource), T.jsonPath, q(f.jsonPath));
    if (f.install !== undefined)
        out.push(T.install, q(f.install));
    const fix = fixOf(f, linesOf(f.path), { uri: '', uriBaseId: SRCROOT })?.[0];
    if (!fix) {
        out.push(T.close);
        return;
    }
    out.push(T.fixes, q(fix.description.text), T.changes, T.artifact9, uri, T.artifactEnd9, T.replacements);
    const replacements = fix.artifactChanges[0].replacements;
    for (let k = 0; k < replacements.length; k++) {
        const r = replacements[k].deletedRegion;
        out.push(k ? ',\n' + T.deleted : T.deleted);
        regionPieces(r.startLine, r.startColumn, r.endLine, r.endColumn, 12, out);
        out.push(T.inserted, q(replacements[k].insertedContent.text), T.insertedEnd);
    }
    out.push(T.fixesEnd);
}
const isBatches = (x) => !Array.isArray(x);

;// CONCATENATED MODULE: ./src/report/text.ts
/**
 * The terminal format, ESLint's "stylish": a heading per file, then `line:col  severity  message  rule-id` rows
 * aligned in columns and wrapped to the terminal width, then the totals. Streamable: one file's block at a time
 * (formatFileBlock), then the totals from counts (formatSummary); formatText composes them.
 */

/** The width when the output is not a terminal (a pipe, a file, CI logs), as `tput cols` falls back to. */
const DEFAULT_WIDTH = 80;
/** A message column never gets narrower than this: on a very narrow terminal the row overflows instead. */
const MIN_MESSAGE_WIDTH = 20;
const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', underline: '\u001b[4m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m' };
const SEVERITY_COLOR = { error: ANSI.red, warning: ANSI.yellow, notice: ANSI.cyan };
/**
 * Whether to colour, from the environment and whether stdout is a terminal. `FORCE_COLOR` wins over `NO_COLOR`,
 * as in Node's own `tty.getColorDepth` and chalk's supports-color: set and non-empty, it forces colour, except
 * `0` and `false`, which turn it off (force-color.org). Else a non-empty `NO_COLOR` turns it off (no-color.org:
 * an empty one is ignored). Else colour on a terminal, unless `TERM=dumb`.
 */
function wantsColor(env, isTTY) {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return force !== '0' && force !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY && env.TERM !== 'dumb';
}
/**
 * Escapes control characters: messages interpolate keys and values from the scanned files, which must not be
 * able to move the cursor, recolour the terminal or forge extra output lines.
 */
function printable(s) {
    return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
const text_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function countFindings(findings) {
    const counts = { error: 0, warning: 0, notice: 0, fixable: 0 };
    for (const f of findings) {
        counts[f.severity]++;
        if (f.fix?.length)
            counts.fixable++;
    }
    return counts;
}
/** Totals per severity, e.g. `3 findings: 1 error, 1 warning, 1 notice`; no newline, no colour. */
function formatTotals(findings, options = {}) {
    return totalsLine(countFindings(findings), options);
}
function totalsLine(counts, options) {
    const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
    if (!total)
        return 'No findings.';
    let line = `${text_plural(total, 'finding')}: ${SEVERITIES.map((s) => text_plural(counts[s], s)).join(', ')}`;
    if (options.fixHint && counts.fixable)
        line += ` (${counts.fixable} fixable with ${options.fixOption ?? '--fix'})`;
    return line;
}
/** The totals line, ending with a newline: bold, and in the colour of the worst severity found, with colour. */
function formatSummary(counts, options = {}) {
    const line = totalsLine(counts, options);
    const worst = SEVERITIES.find((s) => counts[s] > 0);
    return `${options.color && worst ? `${ANSI.bold}${SEVERITY_COLOR[worst]}${line}${ANSI.reset}` : line}\n`;
}
const byPosition = (a, b) => a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
/**
 * Display width: code points (a wide CJK glyph counts one; good enough for messages that are mostly ASCII): the
 * UTF-16 length less one per surrogate pair.
 */
const widthOf = (s) => {
    let n = s.length;
    for (let i = 1; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) {
            const before = s.charCodeAt(i - 1);
            if (before >= 0xd800 && before <= 0xdbff)
                n--;
        }
    }
    return n;
};
/** The largest `width(row)`, 0 for none (a loop: a file may have more findings than a call takes arguments). */
function widest(rows, width) {
    let most = 0;
    for (const r of rows)
        most = Math.max(most, width(r));
    return most;
}
const padEnd = (s, width) => s + ' '.repeat(Math.max(0, width - widthOf(s)));
const text_padStart = (s, width) => ' '.repeat(Math.max(0, width - widthOf(s))) + s;
/** Greedy word wrap to `width`; a word longer than the width is cut. */
function wrap(text, width) {
    const lines = [];
    let line = '';
    // The width of `line`, kept as it grows (a message may have hundreds of words: one that names forty installs).
    let lineWidth = 0;
    for (let word of text.split(' ')) {
        let wordWidth = widthOf(word);
        while (wordWidth > width) {
            if (line)
                lines.push(line);
            const chars = [...word];
            lines.push(chars.slice(0, width).join(''));
            word = chars.slice(width).join('');
            wordWidth = chars.length - width;
            line = '';
            lineWidth = 0;
        }
        if (!line) {
            line = word;
            lineWidth = wordWidth;
        }
        else if (lineWidth + 1 + wordWidth <= width) {
            line += ` ${word}`;
            lineWidth += 1 + wordWidth;
        }
        else {
            lines.push(line);
            line = word;
            lineWidth = wordWidth;
        }
    }
    lines.push(line);
    return lines;
}
/**
 * One file's block: the path as a heading (underlined with colour), then one row per finding, sorted by
 * position, as `  line:col  severity  message  rule-id`, the columns aligned within the file. When a row would
 * be wider than `width`, messages wrap under the message column and each rule id follows its message's last
 * line instead of lining up. Ends with a blank line; empty for no findings.
 */
function formatFileBlock(path, findings, options = {}) {
    if (!findings.length)
        return '';
    const c = (code, s) => (options.color ? `${code}${s}${ANSI.reset}` : s);
    const width = options.width ?? DEFAULT_WIDTH;
    const rows = [...findings].sort(byPosition).map((f) => ({
        line: String(f.span.start.line),
        column: String(f.span.start.column),
        severity: f.severity,
        message: printable(f.message),
        ruleId: printable(f.ruleId)
    }));
    const lineWidth = widest(rows, (r) => r.line.length);
    const columnWidth = widest(rows, (r) => r.column.length);
    const severityWidth = widest(rows, (r) => r.severity.length);
    const ruleWidth = widest(rows, (r) => widthOf(r.ruleId));
    // `  ` + line:col + `  ` + severity + `  `: where the message column starts.
    const indent = 2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2;
    const longest = widest(rows, (r) => widthOf(r.message));
    // Rule ids line up in a column when every row fits; else each follows its message, which wraps.
    const table = indent + longest + 2 + ruleWidth <= width;
    const messageWidth = table ? longest : Math.max(MIN_MESSAGE_WIDTH, width - indent);
    const out = [c(ANSI.underline, printable(path))];
    for (const r of rows) {
        const where = `${text_padStart(r.line, lineWidth)}:${padEnd(r.column, columnWidth)}`;
        const lead = `  ${c(ANSI.dim, where)}  ${c(SEVERITY_COLOR[r.severity], r.severity)}${' '.repeat(severityWidth - r.severity.length)}  `;
        const lines = wrap(r.message, messageWidth);
        const last = lines.length - 1;
        const rule = c(ANSI.dim, r.ruleId);
        if (table)
            lines[last] = `${padEnd(lines[last], messageWidth)}  ${rule}`;
        else if (widthOf(lines[last]) + 2 + widthOf(r.ruleId) <= messageWidth)
            lines[last] += `  ${rule}`;
        else
            lines.push(rule);
        out.push(`${lead}${lines[0]}`, ...lines.slice(1).map((l) => `${' '.repeat(indent)}${l}`));
    }
    return `${out.join('\n')}\n\n`;
}
/** Formats findings for a terminal: a block per file, sorted by path, then the totals. Ends with a newline. */
function formatText(findings, options = {}) {
    const byPath = new Map();
    for (const f of findings) {
        const list = byPath.get(f.path);
        if (list)
            list.push(f);
        else
            byPath.set(f.path, [f]);
    }
    let out = '';
    for (const [path, list] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        out += formatFileBlock(path, list, options);
    return out + formatSummary(countFindings(findings), options);
}

;// CONCATENATED MODULE: ./src/cli-job.ts
/**
 * What the CLI does once its arguments, config and files are known (a Job: plain data): lint or fix, compare with
 * a baseline, report, exit code. Called by cli.ts.
 */



















const TRY_HELP = "Run 'gloo-harden --help' for usage.\n";
class UsageError extends Error {
}
/**
 * Turns usage, config and baseline errors (a bad ref, a bad baseline file) into exit code 2 with a message, and
 * anything else into an internal error.
 */
async function guarded(io, body) {
    try {
        return await body();
    }
    catch (err) {
        if (err instanceof UsageError || err instanceof ConfigError || err instanceof BaselineError) {
            io.stderr.write(`gloo-harden: ${err.message}\n`);
            if (err instanceof UsageError)
                io.stderr.write(TRY_HELP);
            return 2;
        }
        io.stderr.write(`gloo-harden: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 2;
    }
}
/** Lints (or fixes) the job's files, reading them here; reports and returns the exit code. */
async function analyse(job, io) {
    const { config, format } = job;
    const lintOptions = { config, rules: rules };
    // Called once per file read and per file checked: a large input's heap stops growing once it is fast enough.
    const tick = job.tuneHeap ? await tuneHeap() : () => { };
    // Before anything is linted or written: a bad ref or baseline file stops the run before --fix changes files.
    const base = job.baseline ? await loadBase(job.baseline, job.plan, config, io.cwd) : undefined;
    // Standard input joins the files read from disk (the CLI refuses --fix with it: there is nothing to write to).
    const withStdin = (files) => (job.stdin ? [...files, job.stdin] : files);
    if (job.fix) {
        const files = withStdin(await readFiles(job.plan, { maxFileSize: config.maxFileSize }));
        const result = fixFiles(files, lintOptions);
        const failed = await writeFixes(io, files, result.outputs);
        const out = format === 'text' ? io.stdout : io.stderr;
        out.write(formatFixes(result.applied, result.outputs, failed, result.remaining, result.edits));
        for (const r of result.rejected)
            io.stderr.write(`gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] was not applied: ${r.reason}\n`);
        if (failed.size)
            return 2;
        return conclude(job, io, result.remaining, base, { sources: new Map(files.map((f) => [f.path, result.outputs.get(f.path) ?? f.text])) });
    }
    if (job.fixDryRun) {
        const files = withStdin(await readFiles(job.plan, { maxFileSize: config.maxFileSize }));
        const result = fixFiles(files, lintOptions);
        // As --fix's summary: on stdout in text, else on stderr (stdout stays one JSON or SARIF document).
        const diff = formatDiff(files, result.outputs);
        if (diff)
            (format === 'text' ? io.stdout : io.stderr).write(`${diff}\n`);
        for (const r of result.rejected)
            io.stderr.write(`gloo-harden: ${printable(r.finding.path)}:${r.finding.span.start.line}:${r.finding.span.start.column}: the fix for [${r.finding.ruleId}] would not be applied: ${r.reason}\n`);
        // The report is the run's without --fix: the findings of the files as they are (fixFiles' first pass).
        return conclude(job, io, result.initial, base, { sources: new Map(files.map((f) => [f.path, f.text])) });
    }
    // Text shows no fingerprints: without a baseline to compare with or write, none are made (no hashing, and no
    // node:crypto to load: start-up).
    const linter = new Linter({ ...lintOptions, fingerprints: job.format !== 'text' || base !== undefined || job.writeBaseline !== undefined });
    // Each file is read again for pass 2 (`reread`): nothing of a file stays in memory once its findings are out.
    for await (const f of readEach(job.plan, { maxFileSize: config.maxFileSize, rereadable: true })) {
        tick();
        linter.add(f);
    }
    if (job.stdin)
        linter.add(job.stdin);
    if (base || job.writeBaseline !== undefined) {
        // A baseline needs every finding first (to classify them, or to write them).
        const result = linter.finish();
        return conclude(job, io, result.findings, base, { sources: new Map([...result.files].map(([p, f]) => [p, f.text])) });
    }
    // Streamed: each file's findings are written as they are made, with its line index for SARIF's fix regions.
    const lineStarts = new Map();
    function* batches() {
        for (const { file, findings } of linter.eachFile()) {
            tick();
            lineStarts.clear();
            if (findings.some((f) => f.fix?.length || f.suggestions?.length))
                lineStarts.set(file.path, { starts: file.lines.starts, length: file.text.length });
            yield findings;
        }
    }
    return report(job, io, batches(), { lineStarts });
}
/** The last step of a run: write the baseline, or report (only the new findings, when there is a base). */
async function conclude(job, io, findings, base, positions) {
    if (job.writeBaseline !== undefined)
        return writeBaseline(io, job.writeBaseline, findings);
    if (!base)
        return report(job, io, findings, positions);
    const comparison = compare(findings, base);
    return report(job, io, comparison.added, positions, comparison);
}
/**
 * Writes the report and returns the exit code. Findings may come in batches, file by file, as the linter makes
 * them: every format is then written as they come (text and JSON put their totals at the end), and none is kept.
 */
async function report(job, io, findings, positions, comparison) {
    const counts = { error: 0, warning: 0, notice: 0, fixable: 0 };
    let code = 0;
    // --quiet: what is not an error is not reported at all (not printed, not counted, cannot fail the run).
    async function* shown() {
        const batches = (Array.isArray(findings) ? [findings] : findings);
        for await (const all of batches) {
            const batch = job.quiet ? all.filter((f) => f.severity === 'error') : all;
            const c = countFindings(batch);
            for (const k of ['error', 'warning', 'notice', 'fixable'])
                counts[k] += c[k];
            code ||= exitCode(batch, job.failOn);
            yield batch;
        }
    }
    // Streamed in chunks: a large report is never one string, nor one write.
    if (job.format === 'sarif') {
        const pkg = packageInfo();
        await writeSarif(io.stdout, shown(), rules, { toolVersion: pkg.version, ruleDocs: readRuleDocs(pkg.root), ...positions });
    }
    else if (job.format === 'json')
        await writeJson(io.stdout, shown());
    else
        await writeChunked(io.stdout, textParts(shown(), job, comparison, counts));
    // stdout stays one JSON or SARIF document: the comparison goes to stderr.
    if (comparison && job.format !== 'text')
        io.stderr.write(`gloo-harden: ${formatComparison(comparison)}\n`);
    // The exit code once the report is written: fail-on, then --max-warnings (said on stderr, as ESLint does).
    if (job.maxWarnings !== undefined && counts.warning > job.maxWarnings) {
        io.stderr.write(`gloo-harden: too many warnings: ${counts.warning} (maximum: ${job.maxWarnings})\n`);
        return 1;
    }
    return code;
}
/** The text report as it streams: a block per file (files come in path order), a blank line between, then totals. */
async function* textParts(batches, job, comparison, counts) {
    // --fix is a usage error with standard input: the hint names --fix-dry-run there, and is left out when that is this run.
    const fixHint = !job.fix && !(job.stdin && job.fixDryRun);
    const options = { color: job.color, fixHint, fixOption: job.stdin ? '--fix-dry-run' : '--fix', width: job.width };
    let path;
    let block = [];
    for await (const batch of batches)
        for (const f of batch) {
            if (f.path !== path && block.length) {
                yield formatFileBlock(path, block, options);
                block = [];
            }
            path = f.path;
            block.push(f);
        }
    if (block.length)
        yield formatFileBlock(path, block, options);
    yield `${formatSummary(counts, options)}${comparison ? `${formatComparison(comparison)}\n` : ''}`;
}
/**
 * What `--fix` would change, as a unified diff (`--- a/<path>`, `+++ b/<path>`, 3 lines of context) per changed
 * file, by path; empty when nothing would change. `patch -p1` takes it.
 */
function formatDiff(files, outputs) {
    let out = '';
    for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const after = outputs.get(f.path);
        if (after === undefined || after === f.text)
            continue;
        const name = printable(f.path);
        out += create_formatPatch(linePatch(`a/${name}`, `b/${name}`, f.text, after), FILE_HEADERS_ONLY);
    }
    return out;
}
/** 1 when a finding reaches the fail-on severity, else 0. */
function exitCode(findings, failOn) {
    return findings.some((f) => reaches(f, failOn)) ? 1 : 0;
}
/** Writes every changed file; returns path \u2192 error for the ones that could not be written. */
async function writeFixes(io, files, outputs) {
    const failed = new Map();
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [path, text] of outputs) {
        try {
            // A file named outside cwd (`../other/values.yaml`) is written relative to its own folder.
            const abs = (0,external_node_path_namespaceObject.resolve)(io.cwd, path);
            const outside = path.startsWith('../') || (0,external_node_path_namespaceObject.isAbsolute)(path);
            await writeRepoFile(outside ? (0,external_node_path_namespaceObject.dirname)(abs) : io.cwd, outside ? (0,external_node_path_namespaceObject.basename)(abs) : path, text, byPath.get(path)?.encoding);
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            failed.set(path, message);
            io.stderr.write(`gloo-harden: ${printable(path)}: could not write the fixed file: ${printable(message)}\n`);
        }
    }
    return failed;
}
/**
 * `path: fixed N findings` per changed file, with one indented line per applied fix, in the order applied, and
 * under each, its edits as `path:line  "old" \u2192 "new"` (`+ "new"` for an insertion, `- "old"` for a deletion), the
 * line counted in the file as it was before the fix.
 */
function formatFixes(applied, outputs, failed = new Map(), remaining = [], edits = []) {
    const byPath = new Map();
    for (const f of applied)
        if (outputs.has(f.path) && !failed.has(f.path))
            byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    const editsOf = new Map();
    for (const e of edits)
        editsOf.set(e.finding, [...(editsOf.get(e.finding) ?? []), e]);
    const blocks = [...byPath]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, list]) => [
        `${printable(path)}: fixed ${list.length} finding${list.length === 1 ? '' : 's'}`,
        ...list.flatMap((f) => [
            `  ${printable(f.message)}  [${f.ruleId}]`,
            ...(editsOf.get(f) ?? []).map((e) => `    ${printable(e.path)}:${e.line}  ${formatEdit(e)}`)
        ])
    ].join('\n'));
    // What --fix leaves for a human: findings whose edits are suggestions (catalog section 2, fix classes).
    const byRule = new Map();
    for (const f of remaining)
        if (f.suggestions?.length)
            byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const count = [...byRule.values()].reduce((a, b) => a + b, 0);
    const left = count
        ? `${count} suggestion${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} a human (not applied by --fix): ${[...byRule]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([id, n]) => `${id} \u00d7${n}`)
            .join(', ')}\n\n`
        : '';
    return (blocks.length ? `${blocks.join('\n')}\n\n` : 'No fixes applied.\n\n') + left;
}
/** Longest quoted text an edit line shows before it is cut with `\u2026`. */
const EDIT_TEXT_MAX = 60;
/** `"old" \u2192 "new"`, `+ "new"` or `- "old"`: JSON-quoted (newlines as \n), control characters escaped, long text cut. */
function formatEdit(e) {
    const quote = (s) => {
        const chars = [...s];
        return printable(JSON.stringify(chars.length > EDIT_TEXT_MAX ? `${chars.slice(0, EDIT_TEXT_MAX).join('')}\u2026` : s));
    };
    if (!e.removed)
        return `+ ${quote(e.inserted)}`;
    if (!e.inserted)
        return `- ${quote(e.removed)}`;
    return `${quote(e.removed)} \u2192 ${quote(e.inserted)}`;
}
/** The package root (the folder of gloo-harden's package.json) and version, from src/ or from dist/cli/. */
function packageInfo() {
    let dir = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 4; i++) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, 'package.json');
        if ((0,external_node_fs_namespaceObject.existsSync)(candidate)) {
            try {
                const pkg = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(candidate, 'utf8'));
                if (pkg.name === 'gloo-harden')
                    return { root: dir, version: pkg.version ?? '0.0.0' };
            }
            catch {
                // not ours; keep looking
            }
        }
        dir = (0,external_node_path_namespaceObject.dirname)(dir);
    }
    return { version: '0.0.0' };
}
/** The rule doc pages, for SARIF `help.markdown`; absent pages fall back to text built from the meta. */
function readRuleDocs(root) {
    const docs = new Map();
    if (!root)
        return docs;
    const dir = (0,external_node_path_namespaceObject.join)(root, 'docs', 'rules');
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(dir);
    }
    catch {
        return docs;
    }
    for (const id of ruleIds)
        if (names.includes(`${id}.md`))
            try {
                docs.set(id, (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, `${id}.md`), 'utf8'));
            }
            catch {
                // an unreadable page only loses the richer help text
            }
    return docs;
}
function compare(head, base) {
    const c = classify(head, base.findings ?? base.counts);
    // classify lists fixed findings only against findings; against counts, what no head finding used up is fixed.
    const fixed = base.findings ? c.fixed.length : [...base.counts.values()].reduce((a, b) => a + b, 0) - c.existing.length;
    return { added: c.added, existing: c.existing.length, fixed, label: base.label };
}
/** `12 findings were already at main (not shown); 1 fixed` */
function formatComparison(c) {
    return `${c.existing} finding${c.existing === 1 ? ' was' : 's were'} already ${printable(c.label)} (not shown); ${c.fixed} fixed`;
}
async function loadBase(source, plan, config, cwd) {
    if ('since' in source)
        return { label: `at ${source.since}`, findings: await lintAtCommit(source.since, plan, config, cwd) };
    const name = printablePath(source.file);
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, source.file), 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new BaselineError(`${name}: cannot read the baseline file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
    }
    return { label: `in ${source.file}`, counts: parseBaselineFile(text, name, new Set(plan.files.map((f) => f.path))) };
}
/** Writes `toBaselineFile` of the findings (pretty JSON) and exits 0 whatever they are; 2 when it cannot write. */
async function writeBaseline(io, file, findings) {
    const name = printablePath(file);
    try {
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, file), `${JSON.stringify(toBaselineFile(findings), null, 2)}\n`);
    }
    catch (err) {
        io.stderr.write(`gloo-harden: ${name}: could not write the baseline (${err.code ?? 'error'})\n`);
        return 2;
    }
    io.stderr.write(`gloo-harden: wrote ${findings.length} finding${findings.length === 1 ? '' : 's'} to the baseline ${name}\n`);
    return 0;
}
/** Largest `git` output read into memory besides blobs (a whole tree listing). */
const GIT_MAX_BUFFER = 256 * 1024 * 1024;
/** How many `git show` run at once. */
const GIT_CONCURRENCY = 8;
/** Symlinks followed inside the tree before giving up (a loop). */
const MAX_SYMLINK_HOPS = 8;
/** As the reader (io/files.ts): a values file may come with a `Chart.yaml` beside it. */
const cli_job_VALUES_FILE = /^values[^/]*\.ya?ml$/i;
/**
 * Runs git read-only commands. Nothing from the repository runs: rev-parse, ls-tree and show of a blob use neither
 * hooks nor filters, `--no-textconv` keeps a textconv driver of .gitattributes from running, and output goes to a
 * pipe, never to a pager.
 */
async function git(args, cwd, maxBuffer = GIT_MAX_BUFFER) {
    // Loaded here, not at start-up: only --since runs git.
    const { execFile } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 421, 23));
    const { promisify } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 975, 23));
    const { stdout } = await promisify(execFile)('git', ['--no-pager', ...args], { cwd, encoding: 'buffer', maxBuffer, windowsHide: true });
    return stdout;
}
/** The first line git wrote to stderr, or why git did not run. */
function gitError(err) {
    const e = err;
    if (e.code === 'ENOENT')
        return 'git is not installed (or not on PATH)';
    const line = String(e.stderr ?? '').split('\n').find((l) => l.trim());
    return printable(line?.trim() ?? e.message);
}
/**
 * Lints the scanned files as they were at `ref` (`git show <commit>:<path>`), together as one run, as the head
 * was: an install that spans files is put together the same way. Paths are reported cwd-relative, as at head, so
 * the fingerprints compare. A file absent at the ref contributes nothing. Throws BaselineError naming the ref.
 */
async function lintAtCommit(ref, plan, config, cwd) {
    let top;
    try {
        top = (0,external_node_fs_namespaceObject.realpathSync)((await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim());
    }
    catch (err) {
        throw new BaselineError(`--since ${printable(ref)}: cannot find the git repository (${gitError(err)})`);
    }
    let commit;
    try {
        // --end-of-options: a ref that begins with '-' is a name, not an option.
        commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top)).toString('utf8').trim();
    }
    catch {
        throw new BaselineError(`--since ${printable(ref)}: not a commit in ${printablePath(top)}`);
    }
    const tree = new Map();
    // `<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL`, the whole tree, paths from its top.
    for (const line of (await git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], top)).toString('utf8').split('\0')) {
        const tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const [mode, type, , size] = line.slice(0, tab).split(/ +/);
        tree.set(line.slice(tab + 1), { mode, type, size: Number(size) });
    }
    const show = (path, maxBuffer) => git(['show', '--no-textconv', `${commit}:${path}`], top, maxBuffer);
    /** A file at the commit as the reader would read it from a checkout; undefined when it is absent there. */
    const read = async (repoPath, display) => {
        let path = repoPath;
        for (let hop = 0;; hop++) {
            const entry = tree.get(path);
            if (!entry)
                return undefined;
            if (entry.mode === '120000') {
                if (hop === MAX_SYMLINK_HOPS)
                    return { path: display, text: '', skipped: 'it is a symlink loop' };
                const target = external_node_path_namespaceObject.posix.normalize(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(path), (await show(path, GIT_MAX_BUFFER)).toString('utf8')));
                if (target === '..' || target.startsWith('../') || external_node_path_namespaceObject.posix.isAbsolute(target))
                    return { path: display, text: '', skipped: 'it is a symlink that resolves outside the repository' };
                path = target;
                continue;
            }
            // A submodule or a folder where the file is now.
            if (entry.type !== 'blob')
                return undefined;
            if (entry.size > config.maxFileSize)
                return { path: display, text: '', skipped: `it is ${entry.size} bytes, over max-file-size (${config.maxFileSize})` };
            const decoded = decode(await show(path, entry.size + 1));
            if ('skipped' in decoded)
                return { path: display, text: '', skipped: decoded.skipped };
            return { path: display, text: decoded.text };
        }
    };
    const files = new Array(plan.files.length);
    let next = 0;
    const worker = async () => {
        while (next < plan.files.length) {
            const i = next++;
            const f = plan.files[i];
            const repoPath = inRepo(top, (0,external_node_path_namespaceObject.resolve)(f.base, f.rel));
            if (repoPath === undefined)
                continue;
            const file = await read(repoPath, f.path);
            if (file && !file.skipped && cli_job_VALUES_FILE.test((0,external_node_path_namespaceObject.basename)(repoPath))) {
                const chart = await read(external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(repoPath), 'Chart.yaml'), 'Chart.yaml');
                if (chart && !chart.skipped && namesGlooDependency(chart.text))
                    file.siblingChart = chart.text;
            }
            files[i] = file;
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(GIT_CONCURRENCY, plan.files.length) }, worker));
    }
    catch (err) {
        throw new BaselineError(`--since ${printable(ref)}: cannot read the files at ${commit.slice(0, 12)} (${gitError(err)})`);
    }
    const linter = new Linter({ config, rules: rules });
    for (const f of files)
        if (f)
            linter.add(f);
    return linter.finish().findings;
}
/** The path of a file in the repository (forward slashes), from its real folder; undefined outside it. */
function inRepo(top, abs) {
    let real;
    try {
        real = (0,external_node_path_namespaceObject.join)((0,external_node_fs_namespaceObject.realpathSync)((0,external_node_path_namespaceObject.dirname)(abs)), (0,external_node_path_namespaceObject.basename)(abs));
    }
    catch {
        return undefined;
    }
    const rel = (0,external_node_path_namespaceObject.relative)(top, real);
    if (!rel || rel === '..' || rel.startsWith(`..${external_node_path_namespaceObject.sep}`) || (0,external_node_path_namespaceObject.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_namespaceObject.sep).join('/');
}

;// CONCATENATED MODULE: ./src/io/stdin.ts
/** Standard input as one more file (`gloo-harden -`): the same size limit and decoding as a file from disk. */

/** The name findings on standard input are reported under without `--stdin-filename` (ESLint: `<text>`). */
const STDIN_NAME = '<stdin>';
/** The paths on the command line that mean standard input: `-`, and `/dev/stdin` (read as a stream, not a file). */
const isStdinPath = (p) => p === '-' || p === '/dev/stdin';
/**
 * Reads standard input into a file named `path`. Reading stops once it exceeds max-file-size, and the file is
 * then skipped, as an oversize file on disk is (a `file-skipped` notice); so is one that is binary or not valid
 * UTF-8 (UTF-16 with a BOM is decoded, as from disk).
 */
async function readStdin(stream, path, opts) {
    const chunks = [];
    let size = 0;
    if (stream)
        for await (const chunk of stream) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
            chunks.push(bytes);
            size += bytes.length;
            // Stop reading: the writer gets EPIPE, as from a reader that went away.
            if (size > opts.maxFileSize)
                return { path, text: '', skipped: `it is more than max-file-size (${opts.maxFileSize} bytes)` };
        }
    const decoded = decode(Buffer.concat(chunks, size));
    if ('skipped' in decoded)
        return { path, text: '', skipped: decoded.skipped };
    const file = { path, text: decoded.text };
    if (decoded.encoding !== 'utf-8')
        file.encoding = decoded.encoding;
    return file;
}

;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The local entry: `gloo-harden [paths\u2026]` lints files and folders, prints text|json|sarif; `--fix` writes fixes;
 * `--since`/`--baseline` report only what is new.
 */

















const FORMATS = ['text', 'json', 'sarif'];
const USAGE = `Usage: gloo-harden [options] [paths...]

Checks Gloo Helm values and manifests (.yaml, .yml, .json) against production-hardening rules.
Paths are files or folders, relative to the current directory (default: .). A path - (or /dev/stdin) reads
standard input, e.g. helm template ... | gloo-harden -; it is reported as <stdin>, or as --stdin-filename.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fix                        apply safe fixes in place, list each edit, then report what remains (with
                                   --since or --baseline too, every fixable finding is fixed, new or not;
                                   not with -: use --fix-dry-run)
      --fix-dry-run, --diff        print the unified diff --fix would write and change no file; then report
                                   and exit as without it (not with --fix)
  -c, --config <file>              config file (default: ${DEFAULT_CONFIG_PATH} in the current folder or the
                                   nearest one above it, up to the repository root: the first folder holding
                                   .git); its exclude, inputs and installs globs are relative to the folder
                                   holding .github/ (with --config, to the repository root)
      --fail-on <error|warning|notice|never>
                                   lowest severity that makes the exit code 1 (default: error)
      --quiet                      report errors only: warnings and notices are not printed, not counted, and
                                   cannot make the exit code 1
      --max-warnings <n>           exit code 1 when more than n warnings are reported, whatever --fail-on says
      --no-error-on-unmatched      a path with no .yaml, .yml or .json file to check (an empty folder, or every
                                   file excluded) is not an error (exit code 2 otherwise)
      --stdin-filename <path>      the file standard input (-) stands for: findings name it, and the name
                                   decides what it is (values*.yaml beside a Chart.yaml, the config's inputs
                                   globs; the config's exclude does not apply); default: <stdin>
      --gloo-version <version>     Gloo chart version, overriding the versions found in the files
      --since <git-ref>            report only findings that are new since that commit (the files as they were
                                   there, read with git); --fail-on applies to the new findings only
      --baseline <file>            report only findings that are not in this baseline file (as --since)
      --write-baseline <file>      write this run's findings to a baseline file and exit 0 (no report)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 nothing reached --fail-on (among new findings, with --since or --baseline), 1 something did
(or more warnings than --max-warnings), 2 usage error, unreadable path, a path with no file to check, bad config,
bad ref or bad baseline file, 141 the reader of the output went away (as for a tool that SIGPIPE ends).
`;
/** Runs the CLI in-process; returns the exit code. */
async function runCli(argv, io) {
    return guarded(io, () => run(argv, io));
}
async function run(argv, io) {
    let parsed;
    try {
        parsed = parse(argv);
    }
    catch (err) {
        throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const opts = parsed.values;
    if (opts.help) {
        io.stdout.write(USAGE);
        return 0;
    }
    if (opts.version) {
        io.stdout.write(`${packageInfo().version}\n`);
        return 0;
    }
    const format = opts.format ?? 'text';
    if (!FORMATS.includes(format))
        throw new UsageError(`--format: '${format}' is not one of ${FORMATS.join(', ')}`);
    const failOn = opts['fail-on'] ?? 'error';
    if (!FAIL_ONS.includes(failOn))
        throw new UsageError(`--fail-on: '${failOn}' is not one of ${FAIL_ONS.join(', ')}`);
    const glooVersion = opts['gloo-version'];
    if (glooVersion !== undefined && !parseVersion(glooVersion))
        throw new UsageError(`--gloo-version: '${glooVersion}' is not a version (e.g. 1.17.3)`);
    const since = opts.since;
    const baselineFile = opts.baseline;
    const writeBaseline = opts['write-baseline'];
    for (const [name, value] of [['--since', since], ['--baseline', baselineFile], ['--write-baseline', writeBaseline]])
        if (value === '')
            throw new UsageError(`${name}: the value is empty`);
    if (since !== undefined && baselineFile !== undefined)
        throw new UsageError('--since and --baseline cannot be used together');
    if (writeBaseline !== undefined && (since !== undefined || baselineFile !== undefined))
        throw new UsageError(`--write-baseline cannot be used with ${since !== undefined ? '--since' : '--baseline'}`);
    if (opts.fix && opts['fix-dry-run'])
        throw new UsageError('--fix and --fix-dry-run (--diff) cannot be used together');
    const maxWarnings = opts['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
        throw new UsageError(`--max-warnings: '${maxWarnings}' is not a whole number of warnings (0 or more)`);
    const baseline = since !== undefined ? { since } : baselineFile !== undefined ? { file: baselineFile } : undefined;
    // `-` (or /dev/stdin) is standard input, read as one more file under --stdin-filename (default <stdin>).
    const fromStdin = parsed.positionals.filter(isStdinPath);
    if (fromStdin.length > 1)
        throw new UsageError('standard input (- or /dev/stdin) can be named only once');
    const stdinFilename = opts['stdin-filename'];
    if (stdinFilename !== undefined && !fromStdin.length)
        throw new UsageError('--stdin-filename names standard input: add - to the paths');
    if (stdinFilename !== undefined && (stdinFilename === '' || /[\u0000-\u001f\u007f]/.test(stdinFilename)))
        throw new UsageError(`--stdin-filename: '${printablePath(stdinFilename)}' is not a file name`);
    // ESLint's --fix-dry-run semantic: there is no file to write the fixes to, but the diff can be printed.
    if (fromStdin.length && opts.fix)
        throw new UsageError('--fix cannot write to standard input (-): use --fix-dry-run to print the diff --fix would make');
    const { config, path: configPath, root: configRoot } = await loadConfig(io.cwd, opts.config);
    if (glooVersion !== undefined)
        config.glooVersion = glooVersion;
    const stdinName = fromStdin.length ? (stdinFilename === undefined ? STDIN_NAME : cwdRelative(io.cwd, stdinFilename)) : undefined;
    const named = parsed.positionals.filter((p) => !isStdinPath(p));
    const paths = named.length || fromStdin.length ? named : ['.'];
    const found = await findFiles(paths, { cwd: io.cwd, exclude: config.exclude, excludeBase: configRoot });
    if (found.errors.length) {
        for (const e of found.errors)
            io.stderr.write(`gloo-harden: ${e.message}\n`);
        return 2;
    }
    // The config file is YAML and a baseline file JSON, but they are ours, not manifests. A file on disk that
    // standard input stands for (--stdin-filename) is read from standard input only.
    const ours = new Set([configPath, baselineFile, writeBaseline].filter((p) => p !== undefined).map((p) => cwdRelative(io.cwd, p)));
    const plan = { ...found.plan, files: found.plan.files.filter((f) => !ours.has(f.path) && f.path !== stdinName) };
    // An empty scan is not a pass by accident (ESLint: "No files matching the pattern"): a path that gives no file
    // to check is an error, unless --no-error-on-unmatched.
    if (!opts['no-error-on-unmatched']) {
        const covered = coveredPaths(plan);
        const unmatched = paths.filter((p) => !covered.has(pathKey((0,external_node_path_namespaceObject.resolve)(io.cwd, p))));
        for (const p of unmatched) {
            // Only to say why: would the path give files without the config's exclude?
            const all = await findFiles([p], { cwd: io.cwd, exclude: [] });
            const excluded = all.plan.files.some((f) => !ours.has(f.path));
            io.stderr.write(`gloo-harden: ${printablePath(p)}: no YAML or JSON files to check${excluded ? ' (the config excludes every one)' : ''}\n`);
        }
        if (unmatched.length)
            return 2;
    }
    if (!plan.files.length && stdinName === undefined)
        io.stderr.write(`gloo-harden: no .yaml, .yml or .json files found in ${paths.map(printablePath).join(', ')}\n`);
    // The config's exclude does not apply to standard input; its name decides what it is (values*.yaml, inputs globs).
    const stdin = stdinName === undefined ? undefined : await readStdinFile(io, stdinName, config);
    const job = { plan, config, format: format, failOn: failOn, fix: !!opts.fix, color: io.color };
    if (io.columns !== undefined)
        job.width = io.columns;
    if (opts['fix-dry-run'])
        job.fixDryRun = true;
    if (opts.quiet)
        job.quiet = true;
    if (maxWarnings !== undefined)
        job.maxWarnings = Number(maxWarnings);
    if (stdin)
        job.stdin = stdin;
    if (baseline)
        job.baseline = baseline;
    if (writeBaseline !== undefined)
        job.writeBaseline = writeBaseline;
    // A large input tunes the heap as it runs (cli-heap.ts): the same run, in less memory.
    if (io.tuneHeap && (await wantsHeapTuning(plan)))
        job.tuneHeap = true;
    return analyse(job, io);
}
function parse(argv) {
    const parsed = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
            format: { type: 'string', short: 'f' },
            fix: { type: 'boolean' },
            'fix-dry-run': { type: 'boolean' },
            diff: { type: 'boolean' },
            quiet: { type: 'boolean' },
            'max-warnings': { type: 'string' },
            'no-error-on-unmatched': { type: 'boolean' },
            config: { type: 'string', short: 'c' },
            'fail-on': { type: 'string' },
            'gloo-version': { type: 'string' },
            since: { type: 'string' },
            baseline: { type: 'string' },
            'write-baseline': { type: 'string' },
            'stdin-filename': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
            version: { type: 'boolean', short: 'v' }
        }
    });
    // --diff is another name for --fix-dry-run.
    if (parsed.values.diff)
        parsed.values['fix-dry-run'] = true;
    return parsed;
}
/**
 * Standard input as a file named `name` (cwd-relative). A values file named so gets the `Chart.yaml` beside that
 * name on disk, as a values file read from disk does (an umbrella chart names Gloo there).
 */
async function readStdinFile(io, name, config) {
    const file = await readStdin(io.stdin, name, { maxFileSize: config.maxFileSize });
    const inside = name !== '..' && !name.startsWith('../') && !(0,external_node_path_namespaceObject.isAbsolute)(name);
    if (!file.skipped && inside && cli_VALUES_FILE.test((0,external_node_path_namespaceObject.basename)(name))) {
        const chart = await readRepoFile(io.cwd, external_node_path_namespaceObject.posix.join(external_node_path_namespaceObject.posix.dirname(name), 'Chart.yaml'), { maxFileSize: config.maxFileSize });
        if (!chart.skipped && namesGlooDependency(chart.text))
            file.siblingChart = chart.text;
    }
    return file;
}
/** As the reader (io/files.ts): a values file may come with a `Chart.yaml` beside it. */
const cli_VALUES_FILE = /^values[^/]*\.ya?ml$/i;
/**
 * Every path a named path can be and still give a planned file: each file's absolute path and the folders that
 * hold it, up to the filesystem's root. A named path gave files when it is one of them: one lookup per path, where
 * a scan of the files per path made a run given thousands of paths (a pre-commit hook's changed files) quadratic.
 */
function coveredPaths(plan) {
    const covered = new Set();
    for (const f of plan.files) {
        let at = pathKey((0,external_node_path_namespaceObject.resolve)(f.base, f.rel));
        // Once a folder is in, so is everything above it.
        while (!covered.has(at)) {
            covered.add(at);
            const up = (0,external_node_path_namespaceObject.dirname)(at);
            if (up === at)
                break;
            at = up;
        }
    }
    return covered;
}
/** An absolute path as `path.relative` compares them: Windows' paths without regard to case. */
const pathKey = (abs) => (process.platform === 'win32' ? abs.toLowerCase() : abs);
/**
 * `--config`, else `.github/gloo-harden.yml` in cwd or the nearest folder above it, up to the repository root
 * (the first folder holding `.git`, a folder or, in a worktree or submodule, a file), as ESLint and Prettier find
 * theirs; outside a repository, only cwd's. Returns the config with its globs rebased onto cwd, its cwd-relative
 * path, and the folder its globs are written against: the one holding `.github/` (for `--config`, the
 * repository root, else cwd).
 */
async function loadConfig(cwd, explicit) {
    const repo = repositoryRoot(cwd);
    let root = repo ?? cwd;
    let path = explicit;
    if (path === undefined) {
        const found = findConfigFolder(cwd, repo);
        if (found === undefined)
            return { config: defaultConfig(), root };
        root = found;
        path = cwdRelative(cwd, (0,external_node_path_namespaceObject.join)(found, DEFAULT_CONFIG_PATH));
    }
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, path), 'utf8');
    }
    catch (err) {
        const code = err.code;
        throw new ConfigError(`${printablePath(path)}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
    }
    // The globs match cwd-relative paths (those the engine sees and reports) once rebased onto cwd.
    const prefix = (0,external_node_path_namespaceObject.relative)(root, cwd).split(external_node_path_namespaceObject.sep).join('/');
    return { config: rebaseConfig(parseConfig(text, path, ruleIds), prefix), path: cwdRelative(cwd, path), root };
}
/** The first folder from `dir` up that holds `.git` (a folder, or a file in a worktree or submodule). */
function repositoryRoot(dir) {
    for (let d = (0,external_node_path_namespaceObject.resolve)(dir);; d = (0,external_node_path_namespaceObject.dirname)(d)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(d, '.git')))
            return d;
        if ((0,external_node_path_namespaceObject.dirname)(d) === d)
            return undefined;
    }
}
/** The folder from cwd up to the repository root (cwd only, outside one) that holds DEFAULT_CONFIG_PATH. */
function findConfigFolder(cwd, repo) {
    for (let d = (0,external_node_path_namespaceObject.resolve)(cwd);; d = (0,external_node_path_namespaceObject.dirname)(d)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(d, DEFAULT_CONFIG_PATH)))
            return d;
        if (repo === undefined || d === repo || (0,external_node_path_namespaceObject.dirname)(d) === d)
            return undefined;
    }
}
/** A path as the file plan names it: relative to cwd, forward slashes. */
const cwdRelative = (cwd, path) => (0,external_node_path_namespaceObject.relative)(cwd, (0,external_node_path_namespaceObject.resolve)(cwd, path)).split(external_node_path_namespaceObject.sep).join('/');
/** Exit status when stdout's reader goes away before the report is written. */
const EXIT_PIPE_CLOSED = 141;
/** process.stdin, touched only when `-` reads it: a run without `-` leaves standard input alone. */
async function* lazyStdin() {
    yield* process.stdin;
}
/** Runs with the process's argv and streams; sets process.exitCode (so output is flushed before exit). */
async function main(argv = process.argv.slice(2)) {
    const color = wantsColor(process.env, !!process.stdout.isTTY);
    // Not a terminal (a pipe, a file, a CI log): the text report wraps at DEFAULT_WIDTH.
    const columns = process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
    process.stdout.on('error', (err) => {
        if (err.code !== 'EPIPE')
            throw err;
        // Whoever read the output went away (`gloo-harden \u2026 | head`): stop quietly, with the status of a tool that
        // SIGPIPE ends (128 + 13), so a pipeline under `set -o pipefail` still sees the report was cut short.
        process.exit(EXIT_PIPE_CLOSED);
    });
    const code = await runCli(argv, { cwd: process.cwd(), stdin: lazyStdin(), stdout: byteSink(process.stdout), stderr: process.stderr, color, columns, tuneHeap: true });
    process.exitCode = code;
    return code;
}
/** True when this module is the program (`node dist/cli/index.js`, `tsx src/cli.ts`), not an import. */
function isEntry() {
    if (!process.argv[1])
        return false;
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(process.argv[1]) === (0,external_node_fs_namespaceObject.realpathSync)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
    }
    catch {
        return false;
    }
}
if (isEntry())
    void main();

var __webpack_exports__USAGE = __webpack_exports__.u_;
var __webpack_exports__exitCode = __webpack_exports__.I$;
var __webpack_exports__formatFixes = __webpack_exports__.nn;
var __webpack_exports__main = __webpack_exports__.iW;
var __webpack_exports__runCli = __webpack_exports__.ak;
export { __webpack_exports__USAGE as USAGE, __webpack_exports__exitCode as exitCode, __webpack_exports__formatFixes as formatFixes, __webpack_exports__main as main, __webpack_exports__runCli as runCli };
