/**
 * A menu button after the WAI-ARIA pattern, for the export menus: the button opens the menu
 * (Down/Up arrows open it on the first/last item), arrows, Home, End and letters move
 * (`menu-navigation.ts`), Escape closes it and gives focus back to the button, Tab and a click
 * elsewhere close it. The component renders the elements and spreads these props on them.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { menuFocusAfter } from './menu-navigation.ts';

export function useMenuButton(labels: readonly string[], disabled: boolean) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [focused, setFocused] = useState(0);
  const containerRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (open) itemRefs.current[focused]?.focus();
  }, [open, focused]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function openAt(index: number) {
    if (disabled) return;
    setFocused(index);
    setOpen(true);
  }

  /** Closes the menu with the focus back on its button (after choosing an item, say). */
  function close() {
    triggerRef.current?.focus();
    setOpen(false);
  }

  function onTriggerKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    openAt(event.key === 'ArrowDown' ? 0 : labels.length - 1);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key === 'Escape') {
      // The page (a board's canvas) must not take this Escape as its own, « deselect » say.
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key === 'Tab') {
      // Focus goes back to the button before the browser moves it, so Tab leaves from the menu's place.
      close();
      return;
    }
    const next = menuFocusAfter(event.key, focused, labels);
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
  }

  return {
    open,
    close,
    containerRef,
    triggerProps: {
      ref: triggerRef,
      'aria-haspopup': 'menu' as const,
      'aria-expanded': open,
      'aria-controls': open ? menuId : undefined,
      onClick: () => (open ? setOpen(false) : openAt(0)),
      onKeyDown: onTriggerKeyDown,
    },
    menuProps: { id: menuId, role: 'menu', onKeyDown: onMenuKeyDown },
    itemProps: (index: number) => ({
      ref: (button: HTMLButtonElement | null) => {
        itemRefs.current[index] = button;
      },
      role: 'menuitem',
      tabIndex: -1,
      onFocus: () => setFocused(index),
    }),
  };
}
