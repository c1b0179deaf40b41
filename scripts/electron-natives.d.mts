export function electronSqliteBinding(): { electronVersion: string; path: string };
export function fetchPrebuilt(): { path: string; fetched: boolean };
export function buildNativeKernels(appDir: string): string;
export function checkKernelsInElectron(addonPath: string): { loaded: boolean | null; detail: string | null };
