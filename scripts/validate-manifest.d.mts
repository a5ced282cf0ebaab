/** Types for validate-manifest.mjs (plain ESM so that `node` runs it without a build). */
export declare const SCHEMA_PATH: string;
/** Problems as `label:line: message`; empty when the manifest validates. */
export declare function validateManifestXml(xml: string, label?: string): string[];
export declare function validateManifestFile(file: string): string[];
