// The parser publishes its types through package exports only, which this repository's
// `moduleResolution: node` does not read (the runtime, Node and jest, resolves the package
// itself): what statement-request.ts uses, as the package's dist/lib/multipart.d.ts declares it.
declare module '@remix-run/multipart-parser' {
  export class MultipartParseError extends Error {}
  export interface MultipartPart {
    readonly bytes: Uint8Array;
    readonly headers: { readonly [name: string]: string | undefined };
  }
  export function parseMultipart(
    message: Uint8Array,
    options: { boundary: string; maxParts?: number },
  ): Generator<MultipartPart, void, unknown>;
}
