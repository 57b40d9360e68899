"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.globToRegExp = globToRegExp;
exports.matchesGlob = matchesGlob;
/**
 * A glob (`**` any folders, `*` any name part, `?` one character, `{a,b}`
 * alternatives) as a RegExp over `/`-separated absolute paths. A glob that
 * does not start with `/` or `**` may match anywhere below a folder, as VS
 * Code's relative patterns do.
 */
function globToRegExp(glob) {
    let source = '';
    const text = glob.replace(/\\/g, '/');
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '*') {
            if (text[i + 1] === '*') {
                const slashAfter = text[i + 2] === '/';
                source += slashAfter ? '(?:.*/)?' : '.*';
                i += slashAfter ? 2 : 1;
            }
            else {
                source += '[^/]*';
            }
        }
        else if (c === '?')
            source += '[^/]';
        else if (c === '{')
            source += '(?:';
        else if (c === '}')
            source += ')';
        else if (c === ',' && source.includes('(?:'))
            source += '|';
        else
            source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    const anchored = text.startsWith('/') || text.startsWith('**') ? '^' : '(?:^|/)';
    return new RegExp(`${anchored}${source}$`);
}
/** Whether an absolute path (any separators) matches the glob. */
function matchesGlob(absPath, glob) {
    try {
        return globToRegExp(glob).test(absPath.replace(/\\/g, '/'));
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=glob.js.map