export function electronSqliteBinding(): { electronVersion: string; path: string };
export function fetchPrebuilt(): { path: string; fetched: boolean };
