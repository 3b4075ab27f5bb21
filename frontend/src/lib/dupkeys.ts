// The keys of the duplicates review queue. keyAction maps a key press to
// what the queue does, so that the mapping is tested without a browser.

export type QueueAction =
  | 'next'
  | 'prev'
  | 'nextCopy'
  | 'prevCopy'
  | 'keep'
  | 'duplicates'
  | 'notDuplicates'
  | 'undo'
  | 'toggleReviewed';

// queueKeys is the legend the view shows, in this order.
export const queueKeys: { keys: string[]; action: QueueAction; label: string }[] = [
  { keys: ['j', 'ArrowDown'], action: 'next', label: 'next group' },
  { keys: ['k', 'ArrowUp'], action: 'prev', label: 'previous group' },
  { keys: ['l', 'ArrowRight'], action: 'nextCopy', label: 'next copy' },
  { keys: ['h', 'ArrowLeft'], action: 'prevCopy', label: 'previous copy' },
  { keys: ['s'], action: 'keep', label: 'keep the focused copy' },
  { keys: ['d'], action: 'duplicates', label: 'duplicates' },
  { keys: ['n'], action: 'notDuplicates', label: 'not duplicates' },
  { keys: ['z'], action: 'undo', label: 'undo' },
  { keys: ['u'], action: 'toggleReviewed', label: 'show or hide reviewed' },
];

const byKey = new Map(queueKeys.flatMap((k) => k.keys.map((key) => [key, k.action] as const)));

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  target?: EventTarget | null;
}

// typing says whether the key goes to a field the user types or slides in:
// there j is a letter and the arrows move the slider.
function typing(target: EventTarget | null | undefined): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (!el || typeof el.tagName !== 'string') return false;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || !!el.isContentEditable;
}

export function keyAction(e: KeyLike): QueueAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return null;
  return byKey.get(e.key) ?? null;
}

// debounce calls fn with the last arguments once wait ms have passed
// without another call.
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, wait);
  };
}
