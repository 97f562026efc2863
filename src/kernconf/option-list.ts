// config(8) keeps `options` in a singly-linked list: a new name goes to the head, a repeated
// name is appended at the very tail, and `nooptions` unlinks every entry of that name. The
// header generator walks this list, so its order is reproduced exactly.

export interface ListedOption<T> {
  name: string;
  data: T;
}

export class ConfigOptionList<T> {
  private entries: ListedOption<T>[] = [];

  find(name: string): ListedOption<T> | undefined {
    return this.entries.find((e) => e.name === name);
  }

  insertHead(entry: ListedOption<T>): void {
    this.entries.unshift(entry);
  }

  appendTail(entry: ListedOption<T>): void {
    this.entries.push(entry);
  }

  removeAll(name: string): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.name !== name);
    return before - this.entries.length;
  }

  toArray(): ListedOption<T>[] {
    return [...this.entries];
  }
}
