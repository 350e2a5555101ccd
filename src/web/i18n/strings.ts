/**
 * The shape every translation must have: the zh-CN texts' keys, each with a string. A texts file types its
 * English as `Strings<typeof zhCN>`, so a key missing or extra in English does not compile.
 */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
