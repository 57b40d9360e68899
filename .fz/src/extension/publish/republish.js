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
exports.REPUBLISH_COMMAND = void 0;
exports.registerRepublish = registerRepublish;
const vscode = __importStar(require("vscode"));
const protocol_1 = require("../../shared/protocol");
const trust_1 = require("../commands/trust");
const errorText_1 = require("../errorText");
const draftRequests_1 = require("./draftRequests");
exports.REPUBLISH_COMMAND = 'eventbus.republishEvent';
/** An event row of the views (or anything carrying `{entry: {eventId}, store?}`). */
function eventOf(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    const eventId = typeof record.entry?.eventId === 'string' ? record.entry.eventId : typeof record.eventId === 'string' ? record.eventId : undefined;
    if (eventId === undefined)
        return undefined;
    return { eventId, ...(typeof record.store === 'string' ? { store: record.store } : {}) };
}
/** "Republish as Template" on an event row: the publish form filled with that event's type, data and ids. */
function registerRepublish(send, form) {
    return vscode.commands.registerCommand(exports.REPUBLISH_COMMAND, async (arg) => {
        if (!(0, trust_1.ensureTrusted)('Republish as Template'))
            return;
        const target = eventOf(arg);
        if (!target) {
            void vscode.window.showWarningMessage('Event Bus: Republish as Template works on an event row of the Event Bus views.');
            return;
        }
        try {
            const detail = await send(protocol_1.EventByIdRequest.type, target);
            if (!detail) {
                void vscode.window.showWarningMessage(`Event Bus: no event ${target.eventId} in the store any more.`);
                return;
            }
            form.open(target.store, (0, draftRequests_1.draftFromEvent)(detail.event));
        }
        catch (error) {
            void vscode.window.showErrorMessage(`Event Bus: Republish as Template failed: ${(0, errorText_1.editorErrorText)(error)}`);
        }
    });
}
//# sourceMappingURL=republish.js.map