/** Types for start.mjs (plain ESM so that `npm start` runs it without a build). */
export declare function findDebugging(cwd?: string, platform?: string): string | null;
export declare function plan(o: {
  command: string;
  manifest: string;
  platform: string;
  debugging: string | null;
  port?: string | number;
  extra?: string[];
}): { run: [string, string[]] } | { message: string };
