import type { z } from "zod";

/** The parts of a zod 4 schema definition the walk reads (zod's own introspection data, `schema._zod.def`). */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const definitionOf = (schema: z.ZodType): Definition => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** The schemas a value may be checked by, once wrappers (optional, default, preprocess...) are looked through. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return definition.innerType === undefined ? [] : unwrap(definition.innerType);
    case "pipe": {
      // z.preprocess(fn, schema) is a pipe from a transform into the schema; schema.transform(fn) the other way round.
      const from = definition.in;
      const to = definition.out;
      if (from !== undefined && definitionOf(from).type === "transform") return to === undefined ? [] : unwrap(to);
      return from === undefined ? [] : unwrap(from);
    }
    case "union":
      return (definition.options ?? []).flatMap(unwrap);
    case "intersection":
      return [definition.left, definition.right].flatMap((side) => (side === undefined ? [] : unwrap(side)));
    default:
      return [schema];
  }
}

function children(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  const definition = definitionOf(schema);
  if (definition.type === "object") {
    const child = definition.shape?.[String(segment)];
    return child === undefined ? [] : [child];
  }
  if (definition.type === "record") return definition.valueType === undefined ? [] : [definition.valueType];
  if (definition.type === "array") return definition.element === undefined ? [] : [definition.element];
  return [];
}

/**
 * The keys an object at `path` may have according to `schema` (every option's keys for a union), or
 * an empty list when the path leads nowhere the walk understands. Used to suggest the key a user
 * meant when they misspell one.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const segment of path) current = current.flatMap((candidate) => children(candidate, segment).flatMap(unwrap));
  const keys = new Set<string>();
  for (const candidate of current) {
    const definition = definitionOf(candidate);
    if (definition.type === "object") for (const key of Object.keys(definition.shape ?? {})) keys.add(key);
  }
  return [...keys];
}
