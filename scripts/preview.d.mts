/** Types for preview.mjs (plain ESM so that `npm run preview` runs it without a build). */
export declare const MIME_TYPES: Record<string, string>;
export declare function startServer(options: {
  root: string;
  port?: number;
  entry?: string;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
export declare const BUILD_INPUTS: string[];
export declare function isFresh(o: { output: string; inputs?: string[]; cwd?: string }): Promise<boolean>;
export declare function buildBundle(o?: {
  mode?: "production" | "development";
  args?: string[];
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<void>;
