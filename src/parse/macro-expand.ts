// Macro expansion over tokens, enough to evaluate object-like macros: object-like and
// function-like replacement with rescanning, # and ##, and per-token hide sets against
// recursion.
import { tokenize, type Token } from "../consteval/index.js";
import type { MacroDefinition } from "../ir/index.js";

export class MacroExpansionError extends Error {}

const MAX_TOKENS = 100_000;
const MAX_STEPS = 100_000;

/** A token with the set of macro names it may not expand (it came from their expansion). */
type HiddenToken = Token & { hide?: ReadonlySet<string> };

function union(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): ReadonlySet<string> {
  if (!a || a.size === 0) return b;
  const u = new Set(a);
  for (const x of b) u.add(x);
  return u;
}

export class MacroExpander {
  private readonly bodies = new Map<string, Token[]>();

  constructor(private readonly table: ReadonlyMap<string, MacroDefinition>) {}

  private body(m: MacroDefinition): Token[] {
    let b = this.bodies.get(m.name);
    if (!b) {
      b = tokenize(m.body);
      this.bodies.set(m.name, b);
    }
    return b;
  }

  expandMacro(name: string): Token[] {
    // Most macros are a literal or an expression of literals: nothing in the body expands.
    const m = this.table.get(name);
    if (m?.defined && m.params === null) {
      const body = this.body(m);
      if (body.every((t) => t.kind !== "ident" || !this.table.has(t.text))) return body;
    }
    return this.expand([{ kind: "ident", text: name, start: 0, end: name.length }]);
  }

  /**
   * Expands and rescans. Each token carries the names of the macros whose expansion
   * produced it (its hide set); a macro is not expanded again inside its own expansion,
   * but tokens after the expansion are unaffected.
   */
  expand(tokens: readonly HiddenToken[]): Token[] {
    const out: Token[] = [];
    // Tokens still to scan, the next one last: a replacement goes in front of what follows
    // (rescanned together, as the standard says) at a cost proportional to its own length.
    const pending: HiddenToken[] = [];
    for (let k = tokens.length - 1; k >= 0; k--) pending.push(tokens[k]!);
    // Tokens passed to `out` since the last expansion still count toward the size limit.
    let passed = 0;
    let steps = 0;
    while (pending.length > 0) {
      const t = pending[pending.length - 1]!;
      const m = t.kind === "ident" && !t.hide?.has(t.text) ? this.table.get(t.text) : undefined;
      if (!m || !m.defined || (m.params !== null && pending[pending.length - 2]?.text !== "(")) {
        out.push(t);
        pending.pop();
        passed++;
        continue;
      }
      if (++steps > MAX_STEPS || out.length + passed + pending.length > MAX_TOKENS) {
        throw new MacroExpansionError("expansion too large");
      }
      passed = 0;
      const hide = new Set(t.hide ?? []).add(m.name);
      pending.pop();
      const replacement =
        m.params === null ? this.body(m) : this.substitute(m, collectArgs(pending));
      for (let k = replacement.length - 1; k >= 0; k--) {
        const r = replacement[k] as HiddenToken;
        pending.push({ ...r, hide: union(r.hide, hide) });
      }
    }
    return out;
  }

  private substitute(m: MacroDefinition, args: HiddenToken[][]): Token[] {
    const params = m.params!;
    // `...` collects the rest as __VA_ARGS__; GNU `args...` collects it under its own name.
    const variadicAt = params.findIndex((p) => p.endsWith("..."));
    const variadicName =
      variadicAt < 0
        ? null
        : params[variadicAt] === "..."
          ? "__VA_ARGS__"
          : params[variadicAt]!.slice(0, -3);
    const argOf = (name: string): Token[] | undefined => {
      if (name === variadicName) {
        const rest = args.slice(variadicAt);
        const joined: Token[] = [];
        rest.forEach((a, k) => {
          if (k > 0) joined.push({ kind: "punct", text: ",", start: 0, end: 1 });
          joined.push(...a);
        });
        return joined;
      }
      const idx = params.indexOf(name);
      return idx >= 0 ? (args[idx] ?? []) : undefined;
    };
    const body = this.body(m);
    const out: Token[] = [];
    for (let k = 0; k < body.length; k++) {
      const t = body[k]!;
      if (t.text === "#" && body[k + 1]?.kind === "ident" && argOf(body[k + 1]!.text)) {
        const text = argOf(body[++k]!.text)!
          .map((a) => a.text)
          .join(" ");
        out.push({ kind: "string", text: JSON.stringify(text), start: 0, end: 0 });
        continue;
      }
      const pasteNext = body[k + 1]?.text === "##";
      const pastePrev = body[k - 1]?.text === "##";
      if (t.text === "##") continue;
      const arg = t.kind === "ident" ? argOf(t.text) : undefined;
      const replacement = arg ? (pasteNext || pastePrev ? arg : this.expand(arg)) : [t];
      if (pastePrev && out.length > 0 && replacement.length > 0) {
        const left = out.pop()!;
        // GNU `, ## args`: the comma stays before a non-empty variadic argument.
        const pasted =
          left.text === "," && t.text === variadicName
            ? [left]
            : tokenize(left.text + replacement[0]!.text);
        out.push(...pasted, ...(pasted[0] === left ? replacement : replacement.slice(1)));
      } else if (pastePrev && t.text === variadicName && out[out.length - 1]?.text === ",") {
        // ... and disappears before an empty one.
        out.pop();
      } else out.push(...replacement);
    }
    return out;
  }
}

/** Takes `( args )` off the front of `pending` (the next token last); the arguments' tokens. */
function collectArgs(pending: HiddenToken[]): Token[][] {
  const args: Token[][] = [[]];
  let depth = 0;
  while (pending.length > 0) {
    const t = pending.pop()!;
    if (t.text === "(") {
      depth++;
      if (depth === 1) continue;
    } else if (t.text === ")") {
      depth--;
      if (depth === 0) return args.length === 1 && args[0]!.length === 0 ? [] : args;
    } else if (t.text === "," && depth === 1) {
      args.push([]);
      continue;
    }
    args[args.length - 1]!.push(t);
  }
  throw new MacroExpansionError("unterminated macro argument list");
}
