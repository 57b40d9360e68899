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
exports.OPEN_TIMELINE_COMMAND = void 0;
exports.registerTimeline = registerTimeline;
const vscode = __importStar(require("vscode"));
const commands_1 = require("../../shared/commands");
const protocol_1 = require("../../shared/protocol");
const timelineProtocol_1 = require("../../shared/timelineProtocol");
const showInTimelineArgs_1 = require("./showInTimelineArgs");
const timelinePanel_1 = require("./timelinePanel");
exports.OPEN_TIMELINE_COMMAND = 'eventbus.openTimeline';
/**
 * The timeline: commands eventbus.openTimeline and eventbus.showInTimeline
 * ({ eventId } or an event item), the serializer that revives the panel
 * after a reload, and live updates. Pass `storeChanged` when the
 * composition root fans StoreChangedNotification out to several parts (the
 * language client keeps one handler per notification); without it the
 * timeline registers its own handler.
 */
function registerTimeline(context, client, storeChanged, log) {
    const timeline = new timelinePanel_1.TimelinePanel(context.extensionUri, client, (message) => log?.warn(message));
    const fail = (error) => void vscode.window.showErrorMessage(`Event Bus timeline: ${error instanceof Error ? error.message : String(error)}`);
    context.subscriptions.push(timeline, vscode.commands.registerCommand(exports.OPEN_TIMELINE_COMMAND, () => timeline.show()), vscode.commands.registerCommand(commands_1.ShowInTimelineCommand.id, (arg) => {
        const eventId = (0, showInTimelineArgs_1.eventIdOfArgument)(arg);
        if (!eventId) {
            void vscode.window.showInformationMessage('Show in Timeline needs an event: run it on an event in the Aggregates view or from a code action.');
            return;
        }
        timeline.reveal(eventId).catch(fail);
    }), vscode.window.registerWebviewPanelSerializer(timelineProtocol_1.TIMELINE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => timeline.restore(panel),
    }), storeChanged ? storeChanged((change) => timeline.storeChanged(change)) : client.onNotification(protocol_1.StoreChangedNotification.type, (change) => timeline.storeChanged(change)));
    return timeline;
}
//# sourceMappingURL=index.js.map