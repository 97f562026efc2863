// Reading the arguments of a function-like macro invocation: raw tokens split at top-level
// commas, argument-count checks with clang's locations, and painting of names whose macro
// is disabled while they are read.
import { fail } from "../diagnostics/index.js";
import { locOf, type Engine } from "./engine.js";
import type { Macro } from "./macros.js";
import type { Token } from "./tokens.js";

export interface CollectedArguments {
  args: Token[][];
  /** The closing parenthesis (__LINE__ inside the expansion reports its line). */
  close: Token;
  /** The invocation left out the variable arguments altogether. */
  variadicOmitted: boolean;
}

/** Reads `( args )` after a function-like macro name; arguments stay unexpanded. */
export function collectArguments(e: Engine, m: Macro, name: Token): CollectedArguments {
  e.lexRaw(); // the '(' nextIsLParen saw
  const saved = e.stopAtFileEnd;
  e.stopAtFileEnd = true;
  const params = m.params!;
  const args: Token[][] = [[]];
  let depth = 0;
  let close: Token;
  for (;;) {
    const t = e.lexRaw();
    if (t.kind === "eof") fail("unterminated function-like macro invocation", locOf(name));
    if (t.kind === "punctuator") {
      if (t.text === "(") depth++;
      else if (t.text === ")") {
        if (depth === 0) {
          close = t;
          break;
        }
        depth--;
      } else if (t.text === "," && depth === 0 && !(m.variadic && args.length >= params.length)) {
        args.push([]);
        continue;
      }
    }
    // Reading arguments can leave (and so re-enable) the expansions the tokens came from: a
    // name that is disabled when read is painted now, as clang does (C11 6.10.3.4p2).
    if (t.kind === "identifier" && !t.noExpand && e.macros.get(t.text)?.disabled) {
      args[args.length - 1]!.push({ ...t, noExpand: true });
      continue;
    }
    args[args.length - 1]!.push(t);
  }
  e.stopAtFileEnd = saved;
  if (params.length === 0) {
    if (args.length === 1 && args[0]!.length === 0)
      return { args: [], close, variadicOmitted: false };
    fail(
      "too many arguments provided to function-like macro invocation",
      locOf(args[0]![0] ?? close),
    );
  }
  // `F()` for `F(...)` and `G(a)` for `G(a, ...)` omit the variable arguments (GNU `, ##`
  // then drops the comma); `G(a,)` passes an empty one (the comma stays).
  let variadicOmitted =
    m.variadic && params.length === 1 && args.length === 1 && args[0]!.length === 0;
  if (args.length < params.length) {
    if (m.variadic && args.length === params.length - 1) {
      args.push([]);
      variadicOmitted = true;
    } else fail("too few arguments provided to function-like macro invocation", locOf(close));
  }
  if (args.length > params.length) {
    fail(
      "too many arguments provided to function-like macro invocation",
      locOf(args[params.length]![0] ?? close),
    );
  }
  return { args, close, variadicOmitted };
}
