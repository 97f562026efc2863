// The tree reader: parses C text with tree-sitter and returns the visible syntax tree as one
// flat Int32Array, so that JavaScript builds its copy of the tree (flat-tree.ts) without a
// native call per node. Through the tree-sitter binding the copy asks about every node
// separately, which costs more than the parse itself.
//
// Each kept node is NODE_WORDS words, in pre-order:
//   symbol, field id (0 for none), start, end (UTF-16 code units), flags, kept descendants.
// Which nodes are kept is the caller's policy, one byte per grammar symbol: DESCEND to keep
// its children (otherwise it is a leaf here), KEEP_TOKENS to keep its anonymous children
// (keywords and punctuation). Named and MISSING nodes are always kept; the root is not, and
// keeps its tokens. The walk is iterative, so any nesting depth is read without recursion.
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

enum { DESCEND = 1, KEEP_TOKENS = 2 };
enum { FLAG_NAMED = 1, FLAG_MISSING = 2, FLAG_HAS_CHILDREN = 4 };
enum { NODE_WORDS = 6 };

typedef struct {
  int32_t *words;
  size_t length;
  size_t capacity;
} Words;

static int reserve(Words *w, size_t more) {
  if (w->length + more <= w->capacity) return 1;
  size_t capacity = w->capacity ? w->capacity : 1 << 16;
  while (capacity < w->length + more) capacity *= 2;
  int32_t *grown = realloc(w->words, capacity * sizeof(int32_t));
  if (!grown) return 0;
  w->words = grown;
  w->capacity = capacity;
  return 1;
}

// Per open node: where its words start, and whether it keeps its anonymous children.
typedef struct {
  size_t at;
  int keepsTokens;
} Open;

typedef struct {
  const uint8_t *policy;
  size_t policyLength;
  Words out;
  const char *failure;
} Job;

static uint8_t policyOf(const Job *job, TSSymbol symbol) {
  // Symbols past the table (ERROR) keep everything.
  return symbol < job->policyLength ? job->policy[symbol] : (DESCEND | KEEP_TOKENS);
}

static void emitTree(Job *job, TSTree *tree) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t depth = 0, capacity = 64;
  Open *open = malloc(capacity * sizeof(Open));
  if (!open) job->failure = "out of memory";
  int more = open != NULL && ts_tree_cursor_goto_first_child(&cursor);
  // open[depth] is the node whose children the cursor is on; level 0 is the root.
  if (more) open[0] = (Open){.at = SIZE_MAX, .keepsTokens = 1};
  while (more) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    TSSymbol symbol = ts_node_symbol(node);
    int named = ts_node_is_named(node);
    int missing = ts_node_is_missing(node);
    int descended = 0;
    if (named || missing || open[depth].keepsTokens) {
      if (!reserve(&job->out, NODE_WORDS)) {
        job->failure = "out of memory";
        break;
      }
      uint8_t policy = policyOf(job, symbol);
      uint32_t children = ts_node_child_count(node);
      int32_t *w = job->out.words + job->out.length;
      w[0] = symbol;
      w[1] = ts_tree_cursor_current_field_id(&cursor);
      w[2] = (int32_t)(ts_node_start_byte(node) / 2);
      w[3] = (int32_t)(ts_node_end_byte(node) / 2);
      w[4] = (named ? FLAG_NAMED : 0) | (missing ? FLAG_MISSING : 0) |
             (children > 0 ? FLAG_HAS_CHILDREN : 0);
      w[5] = 0;
      size_t at = job->out.length;
      job->out.length += NODE_WORDS;
      if ((policy & DESCEND) && children > 0 && ts_tree_cursor_goto_first_child(&cursor)) {
        if (depth + 1 >= capacity) {
          Open *grown = realloc(open, 2 * capacity * sizeof(Open));
          if (!grown) {
            job->failure = "out of memory";
            break;
          }
          open = grown;
          capacity *= 2;
        }
        open[++depth] = (Open){.at = at, .keepsTokens = (policy & KEEP_TOKENS) != 0};
        descended = 1;
      }
    }
    if (descended) continue;
    // Next sibling, or up until there is one, closing each node left.
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
        more = 0;
        break;
      }
      size_t at = open[depth--].at;
      job->out.words[at + 5] = (int32_t)((job->out.length - at) / NODE_WORDS - 1);
    }
  }
  free(open);
  ts_tree_cursor_delete(&cursor);
}

// Parses the UTF-16 `text` into the job's words.
static void readTree(Job *job, const TSLanguage *language, const uint16_t *text, size_t length) {
  TSParser *parser = ts_parser_new();
  if (!parser || !ts_parser_set_language(parser, language)) {
    job->failure = "the C grammar does not load into this tree-sitter runtime";
  } else {
    TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, (const char *)text,
                                                   (uint32_t)(length * 2), TSInputEncodingUTF16LE);
    if (!tree) {
      job->failure = "tree-sitter returned no tree";
    } else {
      emitTree(job, tree);
      ts_tree_delete(tree);
    }
  }
  if (parser) ts_parser_delete(parser);
}

static napi_value throwError(napi_env env, const char *message) {
  napi_throw_error(env, NULL, message);
  return NULL;
}

// parse(text, language, policy): the flat tree of `text` as an Int32Array.
static napi_value parse(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  size_t length = 0;
  void *language = NULL;
  napi_typedarray_type type;
  Job job = {0};
  void *policy = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 3 ||
      napi_get_value_string_utf16(env, argv[0], NULL, 0, &length) != napi_ok ||
      napi_get_value_external(env, argv[1], &language) != napi_ok ||
      napi_get_typedarray_info(env, argv[2], &type, &job.policyLength, &policy, NULL, NULL) !=
          napi_ok ||
      type != napi_uint8_array) {
    return throwError(env, "expected (text: string, language: External, policy: Uint8Array)");
  }
  job.policy = policy;
  uint16_t *text = malloc((length + 1) * sizeof(uint16_t));
  if (!text) return throwError(env, "out of memory");
  napi_get_value_string_utf16(env, argv[0], (char16_t *)text, length + 1, &length);
  readTree(&job, language, text, length);
  free(text);
  napi_value result = NULL;
  if (job.failure) {
    throwError(env, job.failure);
  } else {
    void *data;
    napi_value buffer;
    size_t bytes = job.out.length * sizeof(int32_t);
    if (napi_create_arraybuffer(env, bytes, &data, &buffer) != napi_ok ||
        napi_create_typedarray(env, napi_int32_array, job.out.length, buffer, 0, &result) !=
            napi_ok) {
      result = throwError(env, "out of memory");
    } else if (bytes > 0) {
      memcpy(data, job.out.words, bytes);
    }
  }
  free(job.out.words);
  return result;
}

// grammar(language): { names, named, fields } of the grammar's symbols and fields by id.
static napi_value grammar(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *external = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_external(env, argv[0], &external) != napi_ok) {
    return throwError(env, "expected (language: External)");
  }
  const TSLanguage *language = external;
  uint32_t symbols = ts_language_symbol_count(language);
  uint32_t fields = ts_language_field_count(language);
  napi_value result, names, named, fieldNames;
  napi_create_object(env, &result);
  napi_create_array_with_length(env, symbols, &names);
  napi_create_array_with_length(env, symbols, &named);
  for (uint32_t i = 0; i < symbols; i++) {
    napi_value name, isNamed;
    napi_create_string_utf8(env, ts_language_symbol_name(language, (TSSymbol)i), NAPI_AUTO_LENGTH,
                            &name);
    napi_get_boolean(env, ts_language_symbol_type(language, (TSSymbol)i) == TSSymbolTypeRegular,
                     &isNamed);
    napi_set_element(env, names, i, name);
    napi_set_element(env, named, i, isNamed);
  }
  napi_create_array_with_length(env, fields + 1, &fieldNames);
  for (uint32_t i = 1; i <= fields; i++) {
    napi_value name;
    napi_create_string_utf8(env, ts_language_field_name_for_id(language, (TSFieldId)i),
                            NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, fieldNames, i, name);
  }
  napi_set_named_property(env, result, "names", names);
  napi_set_named_property(env, result, "named", named);
  napi_set_named_property(env, result, "fields", fieldNames);
  return result;
}

NAPI_MODULE_INIT() {
  static const struct {
    const char *name;
    napi_callback callback;
  } functions[] = {{"parse", parse}, {"grammar", grammar}};
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
    napi_value fn;
    if (napi_create_function(env, functions[i].name, NAPI_AUTO_LENGTH, functions[i].callback, NULL,
                             &fn) != napi_ok ||
        napi_set_named_property(env, exports, functions[i].name, fn) != napi_ok) {
      return NULL;
    }
  }
  return exports;
}
