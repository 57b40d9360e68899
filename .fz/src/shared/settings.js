"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_MAX_PROBLEMS_PER_FILE = exports.DEFAULT_STORE_PATH = exports.DEFAULT_EVENT_FILE_GLOB = exports.SETTINGS_SECTION = exports.PROJECTIONS_ENABLED_SETTING = exports.BUS_SETTINGS_PREFIX = void 0;
/** The prefix of the bus keys among the settings (`eventbus.bus.max_retry_count`). */
exports.BUS_SETTINGS_PREFIX = 'bus.';
exports.PROJECTIONS_ENABLED_SETTING = 'projections.enabled';
/** The section name under which the client keeps these settings. */
exports.SETTINGS_SECTION = 'eventbus';
exports.DEFAULT_EVENT_FILE_GLOB = '**/event_store/events/*.jsonl';
exports.DEFAULT_STORE_PATH = 'event_store';
/** Enough to work through a file's problems; more only slows the Problems panel (a million events can each have one). */
exports.DEFAULT_MAX_PROBLEMS_PER_FILE = 100;
//# sourceMappingURL=settings.js.map