/**
 * Small persisted preferences (the member's identity, window bounds…), behind a get/set
 * interface so that handlers never know where they live: electron-store in the app
 * (electron/main/settings.ts), a JSON file in the harness, memory in tests. Values read
 * back are `unknown`: whoever reads one validates it (files can be edited or corrupted).
 */
export type SettingsKey = 'identity' | 'windowBounds' | 'preferences' | 'cycleId';

export interface Settings {
  get(key: SettingsKey): unknown;
  set(key: SettingsKey, value: unknown): void;
}

/** What electron-store and conf both offer. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Adapts an electron-store / conf instance. */
export function storeSettings(store: KeyValueStore): Settings {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}

/** Settings in memory (tests). Values are copied through JSON like a real store. */
export function memorySettings(initial: Partial<Record<SettingsKey, unknown>> = {}): Settings {
  const data = new Map<string, string>();
  for (const [k, v] of Object.entries(initial)) data.set(k, JSON.stringify(v));
  return {
    get: (key) => {
      const raw = data.get(key);
      return raw === undefined ? undefined : JSON.parse(raw);
    },
    set: (key, value) => {
      data.set(key, JSON.stringify(value));
    },
  };
}
