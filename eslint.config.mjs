// ESLint 9 flat config, picked up by `office-addin-lint check` (it uses ./eslint.config.mjs when present,
// else its own). Starts from eslint-plugin-office-addins' React preset (Office.js rules such as
// load-object-before-read, call-sync-before-read, no-context-sync-in-loop, prettier) and fixes what
// the preset misses for this project.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import * as espree from "espree";

const SOURCES = "**/*.{js,mjs,cjs,jsx,ts,tsx,cts,mts}";

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },
  // The preset's TypeScript block only matches .ts/.js files; our React pane is .tsx, which would
  // otherwise be parsed by espree and fail on the first type annotation.
  ...officeAddins.configs.react.map((config) => (config.files ? { ...config, files: [SOURCES] } : config)),
  {
    files: [SOURCES],
    languageOptions: {
      // The preset means to set @typescript-eslint/parser but reads its missing `default` export and so
      // leaves espree in place (office-addin-lint's own config sets the parser for the same reason).
      parser: tsParser,
      // The preset pins ecmaVersion 6, which hides ES2017+ globals from scope analysis.
      ecmaVersion: "latest",
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
    settings: { react: { version: "detect" } },
    rules: {
      // `_name` marks a parameter or binding that is deliberately unused (interface shapes, fakes).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Chinese documents indent and align with the ideographic space U+3000; in strings, templates,
      // comments and patterns it is content, not a typo. Elsewhere in code it is still an error.
      "no-irregular-whitespace": [
        "error",
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true },
      ],
      // Text copied into workbooks is stripped of XML-illegal control characters on purpose.
      "no-control-regex": "off",
      // React 17+ automatic runtime (tsconfig "jsx": "react-jsx"): no React import in scope.
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
    },
  },
  {
    // TypeScript already reports undefined names, with the real lib/DOM/Office types (typescript-eslint's advice).
    files: ["**/*.{ts,tsx,cts,mts}"],
    // Overloads are legal TypeScript; the base rule does not know them.
    rules: { "no-undef": "off", "no-redeclare": "off" },
  },
  {
    // The Office.js proxy-object rules match by shape (`x.load(…)`, then `x.prop`), so on exceljs cells or
    // plain objects they report phantom missing loads. Office.js lives only in hosts/excel and the pane.
    files: [SOURCES],
    ignores: ["src/hosts/excel/**", "src/taskpane/**", "src/commands/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    // The Office.js host syncs through its own `sync()` wrapper, which counts round trips and payload bytes
    // for the bench; these two rules only recognise a literal `context.sync()` and so report every read
    // after the wrapper. Load-then-sync-then-read is enforced instead by the fake Excel in the host tests,
    // which throws on any read before its load was synced, as Excel does.
    files: ["src/hosts/excel/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
  {
    // Node's own scripts (the bin, build, bench, test support): plain .js/.mjs ones see Node's globals.
    files: ["bin/**", "scripts/**", "bench/**", "tests/**"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Runs inline in taskpane.html in whatever browser Office gives the add-in, Trident (IE 11) included:
    // parsed as ES5 so a later edit cannot slip in syntax that would stop it from saying why the pane can't run.
    files: ["src/taskpane/boot.js"],
    languageOptions: { parser: espree, ecmaVersion: 5, sourceType: "script" },
  },
];
