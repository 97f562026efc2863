// What the engine reads tokens from: a stack of files and of token lists (macro
// expansions, pre-expanded arguments, directive lines).
import type { LexedFile } from "./lexer.js";
import type { Macro } from "./macros.js";
import type { Token } from "./tokens.js";

export interface Conditional {
  /** Some group of this #if chain has been taken. */
  taken: boolean;
  sawElse: boolean;
  /** Index in the file of the `if`/`ifdef`/`ifndef` name, for "unterminated conditional" errors. */
  opener: number;
}

export interface FileContext {
  isFile: true;
  lexed: LexedFile;
  /** Normalized absolute path ("<built-in>" for the predefines). */
  abs: string;
  pos: number;
  conds: Conditional[];
  /** Search-path index the file was found at (-1: includer's directory, absolute, or a root). */
  dirIndex: number;
  system: boolean;
  /** Outermost files (predefines, -include files, the main file) end the token stream. */
  root: boolean;
  /** #line state: the presumed name and the offset added to physical line numbers. */
  presumedFile: string;
  lineOffset: number;
  /** Presumed line in the includer after the #include, for the return marker. */
  returnLine: number;
}

export interface TokenContext {
  isFile: false;
  tokens: Token[];
  pos: number;
  /** The macro whose expansion this is: re-enabled when the context is left. */
  macro: Macro | null;
  /** Line __LINE__ reports inside this expansion (the end of the outermost invocation), or -1. */
  endLine: number;
}

export type Context = FileContext | TokenContext;
