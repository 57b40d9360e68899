"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DIAGNOSTIC_SOURCE = exports.CODE_TABLE_BASE = void 0;
exports.codeDescriptionHref = codeDescriptionHref;
/**
 * Where a finding code is explained: the README's table of codes, one anchor
 * per code (`<a id="eb001">`). Defined once so the server's codeDescription,
 * the extension's hovers and docs all point at the same place.
 */
exports.CODE_TABLE_BASE = 'https://github.com/eventbus-debugger/eventbus-debugger';
/** `https://github.com/eventbus-debugger/eventbus-debugger#eb001` for `EB001`. */
function codeDescriptionHref(code) {
    return `${exports.CODE_TABLE_BASE}#${code.toLowerCase()}`;
}
/** What diagnostics name as their source (the Problems panel's "source" column). */
exports.DIAGNOSTIC_SOURCE = 'eventbus';
//# sourceMappingURL=codeLinks.js.map