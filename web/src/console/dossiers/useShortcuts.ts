import { useEffect, useRef } from 'react';

/**
 * Alt+letter shortcuts for a page (matched on the physical key, so they work whatever the keyboard layout or
 * Vietnamese input method). `handlers` maps `KeyboardEvent.code` values such as 'KeyT' to what the key does.
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const handler = ref.current[event.code];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A short random key (works outside secure contexts, unlike crypto.randomUUID). */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `intake-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
