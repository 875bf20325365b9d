import type { HttpClient } from './http-client';

/** A JSON Schema as the OpenAPI document writes it (only what the generators read). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

/** Who may call an operation, read from the document: `security` and `x-required-roles`. */
export type Access =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: string[] };

/** One route and method of the api, as the OpenAPI document describes it. */
export interface Operation {
  method: string;
  /** The templated path, e.g. `/api/v1/courses/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Media types of the request body, empty when it takes none. */
  bodyTypes: string[];
  /** The JSON body's schema with `$ref`s resolved, when it takes JSON. */
  bodySchema?: Schema;
  access: Access;
}

interface RawOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
  'x-required-roles'?: string[];
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** Resolves `$ref`s (and merges `allOf`) so generators see plain schemas; cycles stop at depth 6. */
function resolve(schema: Schema | undefined, doc: Document, depth = 0): Schema | undefined {
  if (!schema || depth > 6) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc.components?.schemas?.[name], doc, depth + 1);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(part, doc, depth + 1) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})) as Record<
        string,
        Schema
      >,
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  const resolved: Schema = { ...schema };
  if (schema.items) resolved.items = resolve(schema.items, doc, depth + 1);
  if (schema.properties)
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [
        key,
        resolve(value, doc, depth + 1) ?? {},
      ]),
    );
  return resolved;
}

/** Every operation of the running app's OpenAPI document (`/api/docs-json`). */
export async function apiOperations(http: HttpClient): Promise<Operation[]> {
  const response = await http.get('/api/docs-json');
  if (response.status !== 200) throw new Error(`/api/docs-json answered ${response.status}`);
  const doc = response.body as unknown as Document;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, raw] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const parameters = raw.parameters ?? [];
      const content = raw.requestBody?.content ?? {};
      const roles = raw['x-required-roles'];
      operations.push({
        method: method.toUpperCase(),
        path,
        // Some routes (tus) document no path parameters: the template is the truth.
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyTypes: Object.keys(content),
        bodySchema: resolve(content['application/json']?.schema, doc),
        access: roles
          ? { kind: 'roles', roles }
          : raw.security?.length
            ? { kind: 'authenticated' }
            : { kind: 'public' },
      });
    }
  return operations;
}

/** `GET /api/v1/courses/{id}`: how failures and exclusions name an operation. */
export const operationName = (operation: Pick<Operation, 'method' | 'path'>): string =>
  `${operation.method} ${operation.path}`;
