{
  "targets": [
    {
      "target_name": "kpi_flat_tree",
      "sources": [
        "src/parse/native/flat-tree.c",
        "<(tree_sitter)/lib/src/lib.c"
      ],
      "include_dirs": [
        "<(tree_sitter)/lib/include",
        "<(tree_sitter)/lib/src"
      ],
      "defines": ["_POSIX_C_SOURCE=200112L", "_DEFAULT_SOURCE", "NAPI_VERSION=8"],
      "cflags_c": ["-std=c11", "-O2"],
      "xcode_settings": { "OTHER_CFLAGS": ["-std=c11", "-O2"] }
    }
  ],
  "variables": {
    "tree_sitter": "<!(node -p \"const p = require('path'); p.relative('.', p.join(p.dirname(require.resolve('tree-sitter/package.json')), 'vendor/tree-sitter'))\")"
  }
}
