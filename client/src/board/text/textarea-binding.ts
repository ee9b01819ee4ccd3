/**
 * Binds a `<textarea>` to a `Y.Text`.
 *
 * - Local input becomes one minimal change (see `diffText`) applied in a transaction whose origin
 *   is the binding.
 * - Remote changes rewrite the textarea and move the local selection through their delta.
 * - Undo/redo (Ctrl/⌘+Z, Ctrl/⌘+Shift+Z, Ctrl+Y, and the browser's own undo commands) go to a
 *   `Y.UndoManager` that tracks only the binding's origin: it never undoes other people's edits.
 * - During an IME / dead-key composition nothing is sent and the textarea is left alone (writing
 *   into it would cancel the composition); remote changes are applied at `compositionend`.
 */
import * as Y from 'yjs';
import { caretAfterDelta, diffText, shiftSelection, type TextDelta, type TextSelection } from './text-diff.ts';

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export class TextareaBinding {
  readonly undoManager: Y.UndoManager;
  private readonly doc: Y.Doc;
  /** The textarea content as last synchronised with the Y.Text. */
  private lastValue: string;
  private composing = false;
  /** Remote deltas received during a composition, in order, relative to `lastValue`. */
  private pendingRemote: TextDelta[] = [];
  private destroyed = false;

  constructor(
    readonly text: Y.Text,
    readonly textarea: HTMLTextAreaElement,
  ) {
    if (!text.doc) throw new Error('TextareaBinding needs a Y.Text that belongs to a Y.Doc');
    this.doc = text.doc;
    this.undoManager = new Y.UndoManager(text, { trackedOrigins: new Set([this]) });
    this.lastValue = text.toString();
    textarea.value = this.lastValue;
    text.observe(this.onTextEvent);
    textarea.addEventListener('input', this.onInput);
    textarea.addEventListener('beforeinput', this.onBeforeInput);
    textarea.addEventListener('keydown', this.onKeyDown);
    textarea.addEventListener('compositionstart', this.onCompositionStart);
    textarea.addEventListener('compositionend', this.onCompositionEnd);
    textarea.addEventListener('pointerdown', this.onPointerDown);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.text.unobserve(this.onTextEvent);
    this.textarea.removeEventListener('input', this.onInput);
    this.textarea.removeEventListener('beforeinput', this.onBeforeInput);
    this.textarea.removeEventListener('keydown', this.onKeyDown);
    this.textarea.removeEventListener('compositionstart', this.onCompositionStart);
    this.textarea.removeEventListener('compositionend', this.onCompositionEnd);
    this.textarea.removeEventListener('pointerdown', this.onPointerDown);
    this.undoManager.destroy();
  }

  undo(): void {
    this.flushLocal();
    this.undoManager.undo();
  }

  redo(): void {
    this.flushLocal();
    this.undoManager.redo();
  }

  // ——— local → Y ———

  private readonly onInput = (event: Event) => {
    if (this.composing || (event as InputEvent).isComposing) return;
    this.flushLocal();
  };

  /** Sends what changed in the textarea since the last synchronisation. */
  private flushLocal(): void {
    if (this.composing) return;
    const value = this.textarea.value;
    const change = diffText(this.lastValue, value, this.textarea.selectionEnd);
    this.lastValue = value;
    if (!change) return;
    this.doc.transact(() => {
      if (change.deleteCount > 0) this.text.delete(change.index, change.deleteCount);
      if (change.insert) this.text.insert(change.index, change.insert);
    }, this);
  }

  private readonly onCompositionStart = () => {
    this.composing = true;
  };

  private readonly onCompositionEnd = () => {
    this.composing = false;
    const pending = this.pendingRemote;
    this.pendingRemote = [];
    if (pending.length === 0) this.flushLocal();
    else this.reconcile(pending);
  };

  // ——— Y → textarea ———

  private readonly onTextEvent = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === this) return;
    // The delta must be read while the event is being dispatched.
    const delta = event.delta as TextDelta;
    if (this.composing) {
      this.pendingRemote.push(delta);
      return;
    }
    const caret = transaction.origin === this.undoManager ? caretAfterDelta(delta) : null;
    if (caret !== null && this.textarea.value === this.lastValue) {
      this.render({ start: caret, end: caret });
    } else {
      this.reconcile([delta]);
    }
  };

  /**
   * Brings the textarea up to date after `deltas` were applied to the Y.Text while the textarea
   * still showed `lastValue` plus, possibly, a local edit not sent yet (a composition): that edit
   * is moved through the deltas and sent, and the selection follows.
   */
  private reconcile(deltas: readonly TextDelta[]): void {
    const textarea = this.textarea;
    const change = diffText(this.lastValue, textarea.value, textarea.selectionEnd);
    let selection: TextSelection;
    if (change) {
      let range: TextSelection = { start: change.index, end: change.index + change.deleteCount };
      for (const delta of deltas) range = shiftSelection(range, delta);
      this.doc.transact(() => {
        if (range.end > range.start) this.text.delete(range.start, range.end - range.start);
        if (change.insert) this.text.insert(range.start, change.insert);
      }, this);
      const caret = range.start + change.insert.length;
      selection = { start: caret, end: caret };
    } else {
      selection = this.readSelection();
      for (const delta of deltas) selection = shiftSelection(selection, delta);
    }
    this.render(selection);
  }

  private readSelection(): TextSelection {
    const { selectionStart, selectionEnd, selectionDirection } = this.textarea;
    return { start: selectionStart, end: selectionEnd, direction: selectionDirection ?? 'none' };
  }

  private render(selection: TextSelection): void {
    const textarea = this.textarea;
    const value = this.text.toString();
    this.lastValue = value;
    if (textarea.value === value) return;
    const { scrollTop, scrollLeft } = textarea;
    textarea.value = value;
    const start = Math.min(selection.start, value.length);
    const end = Math.min(Math.max(selection.end, start), value.length);
    textarea.setSelectionRange(start, end, selection.direction);
    textarea.scrollTop = scrollTop;
    textarea.scrollLeft = scrollLeft;
  }

  // ——— undo / redo ———

  private readonly onKeyDown = (event: KeyboardEvent) => {
    // Moving the caret starts a new undo step, as in any editor.
    if (NAVIGATION_KEYS.has(event.key)) this.undoManager.stopCapturing();
    if (!(event.ctrlKey || event.metaKey) || event.altKey || this.composing) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
      event.preventDefault();
      this.redo();
    }
  };

  private readonly onPointerDown = () => {
    this.undoManager.stopCapturing();
  };

  /** The browser's own undo (Edit menu, context menu) would replay its own history: use ours. */
  private readonly onBeforeInput = (event: InputEvent) => {
    if (event.inputType === 'historyUndo') {
      event.preventDefault();
      this.undo();
    } else if (event.inputType === 'historyRedo') {
      event.preventDefault();
      this.redo();
    }
  };
}
