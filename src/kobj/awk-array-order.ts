// The order in which FreeBSD's awk visits an array's keys in `for (key in array)`. The kernel
// build runs that awk, and one generated function lists the vnode operations in this order, so
// matching a real build's output byte for byte means visiting them the same way: keys live in
// a chained hash table of 50 buckets (new keys go to the head of their chain) that grows
// fourfold once it holds more than twice as many keys as buckets; the loop walks buckets in
// index order and each chain from its head.

const initialBuckets = 50;
const growWhenKeysPerBucketExceed = 2;
const growthFactor = 4;

function bucketOf(key: string, buckets: number): number {
  let hash = 0;
  for (const byte of Buffer.from(key, "utf8")) {
    // The C code adds plain (signed) chars into an unsigned accumulator.
    const char = byte > 127 ? byte - 256 : byte;
    hash = (char + Math.imul(31, hash)) >>> 0;
  }
  return hash % buckets;
}

/** Keys in the order the loop visits them, given the order they were first stored in. */
export function awkForInOrder(insertionOrder: readonly string[]): string[] {
  let table: string[][] = Array.from({ length: initialBuckets }, () => []);
  const seen = new Set<string>();
  for (const key of insertionOrder) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > growWhenKeysPerBucketExceed * table.length) table = rehash(table);
    table[bucketOf(key, table.length)]!.unshift(key);
  }
  return table.flat();
}

function rehash(table: string[][]): string[][] {
  const grown: string[][] = Array.from({ length: table.length * growthFactor }, () => []);
  for (const chain of table) {
    for (const key of chain) grown[bucketOf(key, grown.length)]!.unshift(key);
  }
  return grown;
}
