#!/usr/bin/env node
// Validates an Office add-in XML manifest offline against the XSDs shipped in schemas/manifest/
// (libxml2 compiled to WebAssembly, so no network and no system packages are needed).
// Usage: node scripts/validate-manifest.mjs [manifest.xml]   (exit 1 when it does not validate)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCHEMA_PATH = path.resolve(here, "../schemas/manifest/OfficeAppManifestV1_1.xsd");

let providersRegistered = false;

/**
 * Validates manifest text. `label` names the file in messages (and is the base URL libxml2 reports).
 * Returns the problems as `label:line: message`; an empty list means the manifest validates.
 * Malformed XML is reported the same way as a schema violation.
 * @param {string} xml
 * @param {string} [label]
 * @returns {string[]}
 */
export function validateManifestXml(xml, label = "manifest.xml") {
  // xs:import in the entry schema names its siblings by file name; libxml2 can only open them
  // through the fs input providers and with the schema's own path as base URL.
  if (!providersRegistered) providersRegistered = xmlRegisterFsInputProviders();
  const xsdDoc = XmlDocument.fromBuffer(fs.readFileSync(SCHEMA_PATH), { url: SCHEMA_PATH });
  const validator = XsdValidator.fromDoc(xsdDoc);
  let doc;
  try {
    doc = XmlDocument.fromString(xml, { url: label });
    validator.validate(doc);
    return [];
  } catch (e) {
    if (!(e instanceof XmlLibError)) throw e;
    return e.details.map((d) => `${label}:${d.line}: ${d.message.trim()}`);
  } finally {
    doc?.dispose();
    validator.dispose();
    xsdDoc.dispose();
  }
}

/**
 * Validates a manifest file; see validateManifestXml.
 * @param {string} file
 * @returns {string[]}
 */
export function validateManifestFile(file) {
  return validateManifestXml(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file) || file);
}

function main() {
  const file = path.resolve(process.argv[2] ?? "manifest.xml");
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file`);
    process.exitCode = 1;
    return;
  }
  const problems = validateManifestFile(file);
  const name = path.relative(process.cwd(), file) || file;
  if (problems.length === 0) {
    console.log(`${name} validates`);
  } else {
    for (const p of problems) console.error(p);
    console.error(`${name} fails to validate`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
