/**
 * The shape every translation must have: the French file's keys, each with a string. Typing a
 * translation with it turns a key missing in English or Arabic into a type error at the key's
 * section, so a French text added without its translations cannot be merged unnoticed.
 */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
