"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.linearRegExp = void 0;
const re2js_1 = require("re2js");
/**
 * The regular-expression engine of every schema `pattern` and
 * `patternProperties`: RE2 (the re2js port), whose matching time is linear
 * in the input, so no schema can make validation hang ("^(a+)+$" against
 * "aaaa…a!" backtracks for minutes in JavaScript's engine, and takes
 * microseconds here). ECMAScript syntax is translated; what RE2 cannot do in
 * linear time (lookaround, backreferences) is refused when the schema is
 * compiled, with the pattern named, so the schema fails closed.
 */
exports.linearRegExp = Object.assign((pattern) => {
    let compiled;
    try {
        compiled = re2js_1.RE2JS.compile(re2js_1.RE2JS.translateRegExp(pattern));
    }
    catch (error) {
        throw new Error(`pattern ${JSON.stringify(pattern)} cannot be checked in linear time (${error.message}); ` +
            'lookahead, lookbehind and backreferences are not supported');
    }
    return { test: (text) => compiled.test(text), toString: () => `/${pattern}/` };
}, { code: 'linearRegExp' });
//# sourceMappingURL=linearRegExp.js.map