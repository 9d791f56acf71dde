import type { ContextMutation } from "./policies.js";

/** Plain data (objects and arrays) is frozen or copied; anything else (the sql executor, errors) is shared as is. */
function isPlainData(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Copies the plain-data part of a value, deeply; anything else is shared. */
export function clonePlain<T>(value: T): T {
  if (!isPlainData(value)) return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const copy: Record<PropertyKey, unknown> = Object.create(Object.getPrototypeOf(value));
  for (const key of Reflect.ownKeys(value)) copy[key] = clonePlain(value[key]);
  return copy as T;
}

/** Freezes the plain-data part of a value, deeply. */
export function deepFreeze<T>(value: T): T {
  if (!isPlainData(value) || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze(value[key]);
  return value;
}

/**
 * A view of `source` whose writes land in private copies: the source and other views never see
 * them. Objects are copied level by level, the first time the view writes to them.
 */
export function copyOnWrite<T extends object>(source: T): T {
  const copies = new WeakMap<object, Record<PropertyKey, unknown>>();
  const proxies = new WeakMap<object, object>();
  const current = (target: object) => copies.get(target) ?? (target as Record<PropertyKey, unknown>);
  const writable = (target: object) => {
    let copy = copies.get(target);
    if (copy === undefined) {
      copy = (Array.isArray(target) ? [...target] : { ...target }) as Record<PropertyKey, unknown>;
      copies.set(target, copy);
    }
    return copy;
  };
  const wrap = (target: object): object => {
    const existing = proxies.get(target);
    if (existing !== undefined) return existing;
    const proxy = new Proxy(target, {
      get(origin, key) {
        const value = Reflect.get(current(origin), key);
        return isPlainData(value) ? wrap(value) : value;
      },
      set(origin, key, value) {
        return Reflect.set(writable(origin), key, value);
      },
      deleteProperty(origin, key) {
        return Reflect.deleteProperty(writable(origin), key);
      },
      has: (origin, key) => Reflect.has(current(origin), key),
      ownKeys: (origin) => Reflect.ownKeys(current(origin)),
      getOwnPropertyDescriptor: (origin, key) => Reflect.getOwnPropertyDescriptor(current(origin), key),
    });
    proxies.set(target, proxy);
    return proxy;
  };
  return wrap(source) as T;
}

/**
 * Prepares a phase's context once, and gives each hook its view of it according to the policy:
 * `immutable` shares one deeply frozen object, `mutable` shares the object itself,
 * `copy-on-write` gives each hook a view whose writes stay private.
 */
export function contextViews<T extends object>(context: T, policy: ContextMutation): { shared: T; forHook(): T } {
  if (policy === "immutable") {
    // Extra keys keep the caller's objects by reference (zod copies only what it knows): copy first,
    // so freezing never reaches an object the caller still owns.
    const frozen = deepFreeze(clonePlain(context));
    return { shared: frozen, forHook: () => frozen };
  }
  if (policy === "mutable") return { shared: context, forHook: () => context };
  return { shared: context, forHook: () => copyOnWrite(context) };
}
