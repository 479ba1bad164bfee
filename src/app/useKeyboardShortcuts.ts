/** Global shortcuts: Space, ←/→ (and , .), Home, End, ?. Typing in fields and the editor is left alone. */
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  enabled: boolean;
  toggle: () => void;
  previous: () => void;
  next: () => void;
  start: () => void;
  end: () => void;
  help: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useKeyboardShortcuts(s: Shortcuts): void {
  const ref = useRef(s);
  useEffect(() => {
    ref.current = s;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const c = ref.current;
      if (e.key === '?') {
        e.preventDefault();
        c.help();
        return;
      }
      if (!c.enabled) return;
      const onButton =
        e.target instanceof HTMLElement && e.target.closest('button, a, [role="tab"]') !== null;
      const onWidget =
        e.target instanceof HTMLElement && e.target.closest('[role="tablist"], [role="slider"]') !== null;
      switch (e.key) {
        case ' ':
          if (onButton) return;
          c.toggle();
          break;
        case 'ArrowLeft':
        case ',':
          if (onWidget && e.key === 'ArrowLeft') return;
          c.previous();
          break;
        case 'ArrowRight':
        case '.':
          if (onWidget && e.key === 'ArrowRight') return;
          c.next();
          break;
        case 'Home':
          if (onWidget) return;
          c.start();
          break;
        case 'End':
          if (onWidget) return;
          c.end();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
