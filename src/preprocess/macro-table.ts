// The macros defined at each point of a translation unit, and the final table the result
// reports: the last definition of every macro ever defined, and whether it is still defined.
import type { MacroDefinition } from "./api.js";
import { bodySpelling, type Macro } from "./macros.js";

export class MacroTable {
  readonly active = new Map<string, Macro>();
  /** The last definition of every macro, in last-definition order. */
  private readonly history = new Map<string, Macro>();
  /** Names in `history` whose last definition has been undefined since. */
  private readonly undefinedNames = new Set<string>();

  define(m: Macro): void {
    this.active.set(m.name, m);
    this.history.delete(m.name);
    this.history.set(m.name, m);
    if (this.undefinedNames.size > 0) this.undefinedNames.delete(m.name);
  }

  undefine(name: string): void {
    this.active.delete(name);
    if (this.history.has(name)) this.undefinedNames.add(name);
  }

  /** The final table (body spellings are built only here, once). */
  definitions(): MacroDefinition[] {
    return [...this.history.values()].map((m) => ({
      name: m.name,
      params: m.params,
      variadic: m.variadic,
      body: (m.spelling ??= bodySpelling(m.body)),
      location: m.location,
      defined: !this.undefinedNames.has(m.name),
      builtin: m.predefined,
    }));
  }

  /** Macro objects are shared between units through the parse cache: none may stay disabled. */
  enableAll(): void {
    for (const m of this.active.values()) m.disabled = false;
    for (const macro of this.history.values()) macro.disabled = false;
  }
}
