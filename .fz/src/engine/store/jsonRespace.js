"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PYTHON_SPELLING = exports.COMPACT_SPELLING = void 0;
exports.respaceJson = respaceJson;
exports.COMPACT_SPELLING = Object.freeze({ comma: ',', colon: ':', asciiOnly: false });
exports.PYTHON_SPELLING = Object.freeze({ comma: ', ', colon: ': ', asciiOnly: true });
function respaceJson(text, spelling) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            if (ch === '\\') {
                out += ch + text[i + 1];
                i++;
            }
            else if (ch === '"') {
                out += ch;
                inString = false;
            }
            else {
                const code = text.charCodeAt(i);
                out += spelling.asciiOnly && (code < 0x20 || code > 0x7e) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
            }
            continue;
        }
        if (ch === '"') {
            inString = true;
            out += ch;
        }
        else if (ch === ',')
            out += spelling.comma;
        else if (ch === ':')
            out += spelling.colon;
        else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r')
            out += ch;
    }
    return out;
}
//# sourceMappingURL=jsonRespace.js.map