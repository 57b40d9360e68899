"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.latin1Slice = latin1Slice;
exports.latin1Write = latin1Write;
function latin1Slice(buf, start, end) {
    return buf.latin1Slice(start, end);
}
function latin1Write(buf, text, offset) {
    return buf.latin1Write(text, offset);
}
//# sourceMappingURL=latin1.js.map