// Base of the errors that reject an expression (not constant, not well formed). They are
// caught and reported by message, thousands of times per unit (every macro that is not a
// constant), and capturing the stack is most of their cost, so they capture none.

export class QuietError extends Error {
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
