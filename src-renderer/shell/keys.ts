/** The digit of a key press (top row or keypad), whatever the keyboard layout prints with Alt held. */
export function digitOf(event: KeyboardEvent): number | null {
  const byCode = /^(?:Digit|Numpad)(\d)$/.exec(event.code)?.[1];
  if (byCode !== undefined) return Number(byCode);
  return /^\d$/.test(event.key) ? Number(event.key) : null;
}

export function isKey(event: KeyboardEvent, letter: string): boolean {
  return event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter.toLowerCase();
}

/** Alt alone (not AltGr, which arrives as Ctrl+Alt on Windows layouts). */
export function isAltOnly(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey;
}

export function hasModifier(event: KeyboardEvent): boolean {
  return event.altKey || event.ctrlKey || event.metaKey;
}

/** Keys typed into a field belong to the field, not to a shortcut. */
export function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
