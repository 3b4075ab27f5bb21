// AppError is the one error type the UI sees, whatever the transport: HTTP
// responses, Wails binding rejections, network failures and bugs all become an
// AppError with a code (as in core.Error) and a message written for people.
// The codes are core/error.go's, plus 'unavailable' for a service that cannot
// be reached (which Go never sends, since it is the one not answering).
export const errorCodes = [
  'invalid',
  'not_found',
  'conflict',
  'canceled',
  'internal',
  'read_only',
  'disk_full',
  'unavailable',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const codes: ReadonlySet<string> = new Set(errorCodes);

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

function isErrorBody(v: unknown): v is { code: string; message: string } {
  return typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string';
}

function fromBody(v: unknown): AppError | null {
  // Both {"error":{code,message}} (HTTP) and {code,message} (Wails) are accepted.
  const inner = typeof v === 'object' && v !== null && 'error' in v ? (v as { error: unknown }).error : v;
  if (!isErrorBody(inner)) return null;
  const code = (codes.has(inner.code) ? inner.code : 'internal') as ErrorCode;
  const message = typeof inner.message === 'string' && inner.message !== '' ? inner.message : defaultMessage(code);
  return new AppError(code, message);
}

function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'not_found':
      return 'Not found';
    case 'canceled':
      return 'Canceled';
    case 'unavailable':
      return 'The StoryDiff service cannot be reached';
    case 'invalid':
      return 'Invalid request';
    case 'conflict':
      return 'The request conflicts with what the archive holds';
    case 'read_only':
      return 'The archive is read-only here: reading works, changes cannot be saved';
    case 'disk_full':
      return 'The disk holding the archive is full: free space and try again';
    default:
      return 'Internal error';
  }
}

// toAppError turns anything thrown into an AppError. Strings that hold a JSON
// error body (how the Wails bindings report errors) keep their code; any
// other text is not shown raw, since it may be a Go or browser internal.
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  // Wails rejects with an Error whose message is the JSON our error formatter made.
  if (e instanceof Error && e.message.startsWith('{')) e = e.message;
  if (typeof e === 'string') {
    try {
      const parsed = fromBody(JSON.parse(e));
      if (parsed) return parsed;
    } catch {
      // not JSON: fall through
    }
    return new AppError('internal', 'Internal error');
  }
  const body = fromBody(e);
  if (body) return body;
  if (e instanceof TypeError) {
    // fetch rejects with a TypeError when the server cannot be reached.
    return new AppError('unavailable', defaultMessage('unavailable'));
  }
  if (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'AbortError') {
    return new AppError('canceled', 'Canceled');
  }
  return new AppError('internal', 'Internal error');
}
