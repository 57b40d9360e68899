import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';
import { RE2JS } from 're2js';

/**
 * The regular-expression engine of every schema `pattern` and
 * `patternProperties`: RE2 (the re2js port), whose matching time is linear
 * in the input, so no schema can make validation hang ("^(a+)+$" against
 * "aaaa…a!" backtracks for minutes in JavaScript's engine, and takes
 * microseconds here). ECMAScript syntax is translated; what RE2 cannot do in
 * linear time (lookaround, backreferences) is refused when the schema is
 * compiled, with the pattern named, so the schema fails closed.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string): RegExpLike => {
    let compiled: RE2JS;
    try {
      compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch (error) {
      throw new Error(
        `pattern ${JSON.stringify(pattern)} cannot be checked in linear time (${(error as Error).message}); ` +
          'lookahead, lookbehind and backreferences are not supported',
      );
    }
    return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/` } as RegExpLike;
  },
  { code: 'linearRegExp' },
);
