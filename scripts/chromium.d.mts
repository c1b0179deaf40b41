export function findChromium(): { path: string | null; reason: string | null };
