"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeFileAtomic = writeFileAtomic;
exports.writeChunksAtomic = writeChunksAtomic;
exports.fsyncDirectory = fsyncDirectory;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
/**
 * Replaces (or creates) `target` so that a crash at any point leaves either
 * the old file or the new one, never half of either: write a temp file
 * beside it, fsync it, rename over the target, fsync the folder.
 */
async function writeFileAtomic(target, content) {
    await writeChunksAtomic(target, [typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);
}
/** The same for content that arrives in chunks (an export): returns the bytes written. */
async function writeChunksAtomic(target, chunks) {
    const dir = path.dirname(target);
    await fs.promises.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    const handle = await fs.promises.open(temp, 'wx');
    let bytes = 0;
    try {
        try {
            for await (const chunk of chunks) {
                await handle.write(chunk);
                bytes += chunk.length;
            }
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await fs.promises.rename(temp, target);
    }
    catch (error) {
        // A failed write (ENOSPC) must not leave its temp behind to hold the space.
        await fs.promises.rm(temp, { force: true });
        throw error;
    }
    await fsyncDirectory(dir);
    return bytes;
}
/** Makes a rename or unlink inside `dir` durable. */
async function fsyncDirectory(dir) {
    let handle;
    try {
        handle = await fs.promises.open(dir, 'r');
        await handle.sync();
    }
    catch (error) {
        // Some filesystems refuse fsync on a directory; the rename is still done.
        if (error.code !== 'EISDIR' && error.code !== 'EINVAL') {
            throw error;
        }
    }
    finally {
        await handle?.close();
    }
}
//# sourceMappingURL=atomicWrite.js.map