import { useEffect, useRef } from 'react';

/** Keyboard helpers shared by the screens. */

/** Is the event's target a place where keys type text (shortcuts must stay out of the way)? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}

/** A digit key without modifiers → its number, else null. */
export function digitOf(e: KeyboardEvent | React.KeyboardEvent): number | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return /^[0-9]$/.test(e.key) ? Number(e.key) : null;
}

export function isUndo(e: KeyboardEvent | React.KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

/** Runs `act` when `seq` changes after mount (a keyboard command like "go to the comment"). */
export function useOnCommand(seq: number, act: () => void): void {
  const initial = useRef(seq);
  const latest = useRef(act);
  latest.current = act;
  useEffect(() => {
    if (seq !== initial.current) latest.current();
  }, [seq]);
}
