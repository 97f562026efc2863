// The generator scripts changed between releases, and the generated files with them. A tree
// ships the scripts it builds with (sys/tools/*.awk), so the output conventions are read off
// the tree's own scripts: each convention is a flag with the marker that reveals it.

/** Output conventions of a tree's makeobjops.awk. */
export interface KobjDialect {
  /** The word in "This file is ... automatically." (`@generated` since 13, `produced` before). */
  generatedWord: string;
  /** PROLOG/EPILOG blocks exist; wrappers keep the result in a local `rc` around them. */
  prologEpilog: boolean;
  /** SINGLETON exists: the method lookup is cached in a static. */
  singleton: boolean;
}

/** Output conventions of a tree's vnode_if.awk. */
export interface VnodeDialect {
  generatedWord: string;
  /** The text after "Created from " in every file: the script's own version id line. */
  sourceId: string;
  /** `%!` lines may name debugpre/debugpost hooks, emitted under DEBUG_VFS_LOCKS. */
  debugHooks: boolean;
  /** VOP_X() calls the file system directly when no probes, locks checks or KTR are on. */
  inlineFastPath: boolean;
  /**
   * Vectors are resolved once by vfs_vector_op_register(): descriptors record their slot
   * offset, `struct vop_vector` gains `registered`, and VOP_X_APV() no longer walks defaults.
   */
  registeredVectors: boolean;
}

const generatedTagMarker = /"@"\s*"generated"/;

function generatedWord(script: string): string {
  return generatedTagMarker.test(script) ? "@generated" : "produced";
}

export function kobjDialectOf(script: string): KobjDialect {
  return {
    generatedWord: generatedWord(script),
    prologEpilog: /\/\^PROLOG/.test(script),
    singleton: /\/\^SINGLETON/.test(script),
  };
}

export function vnodeDialectOf(script: string): VnodeDialect {
  const id = /Created from ([^"\\]*)\\n/.exec(script);
  return {
    generatedWord: generatedWord(script),
    sourceId: id?.[1] ?? "$FreeBSD$",
    debugHooks: /"debugpre"/.test(script),
    inlineFastPath: /function can_inline/.test(script),
    registeredVectors: /vfs_vector_op_register/.test(script),
  };
}

/** The conventions of the newest scripts the project has been checked against (13.0). */
export const currentKobjDialect: KobjDialect = {
  generatedWord: "@generated",
  prologEpilog: true,
  singleton: true,
};

export const currentVnodeDialect: VnodeDialect = {
  generatedWord: "@generated",
  sourceId: "$FreeBSD$",
  debugHooks: true,
  inlineFastPath: true,
  registeredVectors: true,
};
