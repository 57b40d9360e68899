import { CONFIG_KEYS } from '../../engine/config/busConfig';
import { BUS_SETTINGS_PREFIX, type BusSettingValue } from '../../shared/settings';

/** What `WorkspaceConfiguration.inspect` reports for one key (the parts that count as "set by the user"). */
export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/**
 * The `eventbus.bus.*` keys the user set somewhere (user, workspace or
 * folder settings), most specific first. Keys left at their package.json
 * default are not sent, so eventbus.config.json keeps deciding them.
 */
export function explicitBusSettings(inspect: (key: string) => InspectedSetting | undefined): Record<string, BusSettingValue> {
  const bus: Record<string, BusSettingValue> = {};
  for (const key of CONFIG_KEYS) {
    const found = inspect(`${BUS_SETTINGS_PREFIX}${key}`);
    const value = found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
    // Wrong types are sent as they are: the server checks them and logs why it ignored one.
    if (value !== undefined && value !== null) bus[key] = value as BusSettingValue;
  }
  return bus;
}
