// Macro expansion over tokens, enough to evaluate object-like macros: object-like and
// function-like replacement with rescanning, # and ##, and a hide set against recursion.
import { tokenize, type Token } from "../consteval/index.js";
import type { MacroDefinition } from "../ir/index.js";

export class MacroExpansionError extends Error {}

const MAX_TOKENS = 100_000;

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
    return this.expand([{ kind: "ident", text: name, start: 0, end: name.length }], new Set());
  }

  expand(tokens: readonly Token[], hide: ReadonlySet<string>): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const m = t.kind === "ident" && !hide.has(t.text) ? this.table.get(t.text) : undefined;
      if (!m || !m.defined) {
        out.push(t);
        continue;
      }
      const inner = new Set(hide).add(m.name);
      if (m.params === null) {
        out.push(...this.expand(this.body(m), inner));
      } else {
        if (tokens[i + 1]?.text !== "(") {
          out.push(t);
          continue;
        }
        const { args, end } = collectArgs(tokens, i + 1);
        const substituted = this.substitute(m, args, hide);
        // Rescan the replacement together with what follows, as the standard does.
        const rest = tokens.slice(end + 1);
        const rescanned = this.expand([...substituted, ...rest], inner);
        out.push(...rescanned);
        return out;
      }
      if (out.length > MAX_TOKENS) throw new MacroExpansionError("expansion too large");
    }
    return out;
  }

  private substitute(m: MacroDefinition, args: Token[][], hide: ReadonlySet<string>): Token[] {
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
      const replacement = arg ? (pasteNext || pastePrev ? arg : this.expand(arg, hide)) : [t];
      if (pastePrev && out.length > 0 && replacement.length > 0) {
        const left = out.pop()!;
        const pasted = tokenize(left.text + replacement[0]!.text);
        out.push(...pasted, ...replacement.slice(1));
      } else out.push(...replacement);
    }
    return out;
  }
}

function collectArgs(tokens: readonly Token[], open: number): { args: Token[][]; end: number } {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.text === "(") {
      depth++;
      if (depth === 1) continue;
    } else if (t.text === ")") {
      depth--;
      if (depth === 0)
        return { args: args.length === 1 && args[0]!.length === 0 ? [] : args, end: i };
    } else if (t.text === "," && depth === 1) {
      args.push([]);
      continue;
    }
    args[args.length - 1]!.push(t);
  }
  throw new MacroExpansionError("unterminated macro argument list");
}
