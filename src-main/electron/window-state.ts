import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Where the window was, so the next start puts it back (a kiosk or fullscreen start ignores the bounds). */
export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(800).max(16_384),
  height: z.number().int().min(600).max(16_384),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1366, height: 800 } as const;

/** The saved state, or null when there is none, it is damaged, or it lies off every display now attached. */
export function loadWindowState(file: string, displays: readonly DisplayArea[]): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = WindowState.safeParse(json);
  if (!parsed.success) return null;
  const state = parsed.data;
  // At least a 100 × 100 corner of the title area must be on a display, or the window would be lost.
  const visible = displays.some(
    (d) => state.x + 100 <= d.x + d.width && state.x + state.width - 100 >= d.x && state.y >= d.y && state.y + 100 <= d.y + d.height,
  );
  return visible ? state : null;
}

/** Written atomically (temp file + rename): a crash while saving leaves the previous state. */
export function saveWindowState(file: string, state: WindowState): void {
  const checked = WindowState.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(checked)}\n`);
  renameSync(temp, file);
}
