/// <reference types="office-js" />
import { cellAddress } from "../../src/core/grid.js";
import { utf8Length } from "../../src/hosts/excel/session.js";
import {
  parseRangeAddress,
  quoteSheetName,
  rectAddress,
  splitAreas,
  type Rect,
} from "../../src/hosts/excel/address.js";

/**
 * A fake of the parts of the Excel JavaScript API that hosts/excel uses, with the semantics
 * that make Office.js code go wrong when ignored ENFORCED:
 * - a property can be read only after it was `load`ed AND a `context.sync()` ran; reading a
 *   property whose load is queued but not yet synced throws too (PropertyNotLoaded);
 * - writes and method calls are queued and applied, in order, at the next sync;
 * - `*OrNullObject` proxies tell `isNullObject` only after a sync; using a null object for
 *   anything but loads throws at sync;
 * - each sync's request and response are measured (JSON length of what was written and
 *   what was loaded) and a sync over the payload limit fails as Excel's does;
 * - APIs above the fake's requirement-set level throw ApiNotFound.
 * And it tells the truth about what real Excel does that a reading of the API alone misses; each
 * behaviour names its source where it is modelled:
 * - getMergedAreasOrNullObject fails over 512 merged areas and returns only merges whose
 *   top-left cell lies in the range (Range reference; office-js#3611, #1590);
 * - a VeryHidden sheet can't be deleted (Worksheet.delete reference; office-js#365);
 * - no fill reads as `#FFFFFF` with a null pattern; only `tintAndShade` is null for it
 *   (office-js#4900, #6218);
 * - cell-edit mode: `cellEditMode = true` makes every batch fail with
 *   InvalidOperationInCellEditMode unless run with `delayForCellEdit` (Excel.RunOptions, 1.11);
 * - a protected sheet refuses writes to its cells (AccessDenied);
 * - the notes API is absent when the JS library lacks it (`library: "npm"`: the npm
 *   @microsoft/office-js 1.1.110 has no Worksheet.notes whatever isSetSupported answers);
 * - deleting a sheet, and on Windows/Mac renaming, moving or hiding one, wipes the undo stack
 *   (`undoWipes` counts it);
 * - on the web, borders set on a merged area after merging lose the edge it shares with the
 *   merged area above, and merging a formatted range drops its fill (office-js#6405);
 * - a user can insert rows between two runs (`insertRows`) and change fills and notes.
 * Test support only: it lives under tests/, never in src/ or lib/.
 */

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

const notLoaded = (what: string) =>
  new FakeOfficeError("PropertyNotLoaded", `${what} is not available: load it and call context.sync() first`);

export interface FakeFill {
  /** "#RRGGBB" as Office.js reports it. */
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface FakeCell {
  value: string | number | boolean;
  /** Set when a written string was taken as a formula (what text cells must never become). */
  formula?: string;
  /** Display text; defaults to the value rendered plainly. */
  text?: string;
  numberFormat: string;
  fill?: FakeFill;
  font?: { name?: string; size?: number; bold?: boolean; color?: string };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", string>>;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: Rect[];
  notes: Map<string, string>;
  /** Threaded comments (Excel 365's "comments", ExcelApi 1.10) by cell; see FakeThread. */
  threads: Map<string, FakeThread>;
  showGridlines: boolean;
  pageLayout: Record<string, unknown>;
  footer: { left?: string; center?: string; right?: string };
  /** The footers of odd and even pages, printed instead of `footer` when `pageLayout.footerState` is OddAndEven. */
  oddFooter: { left?: string; center?: string; right?: string };
  evenFooter: { left?: string; center?: string; right?: string };
  /** Rows that start a printed page (manual breaks above them), in the order they were added. */
  rowBreaks: number[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  deleted: boolean;
  /** Sheet protection on: writes to its cells fail. */
  protected: boolean;
}

/**
 * A threaded comment: the first comment and its replies. A cell holds a thread or a note, never
 * both: the file format gives a thread's cell the legacy note as its placeholder (MS-XLSX
 * §2.6.205, CT_Comment ref unique per cell), and Excel's UI offers no New Note there ("The
 * difference between threaded comments and notes", Microsoft support).
 */
export interface FakeThread {
  id: string;
  content: string;
  resolved: boolean;
  replies: { id: string; content: string }[];
}

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** A seeded cell: a bare value, or a value with its format, display text and fill. */
export type CellSeed =
  | string
  | number
  | boolean
  | null
  | { value: string | number | boolean; numberFormat?: string; text?: string; fill?: string };

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export interface FakeExcelOptions {
  /**
   * Which Office.js library the add-in loaded: "cdn" (the evergreen one, with every API up to
   * `api`) or "npm" (the @microsoft/office-js package, which lacks the notes API).
   */
  library?: "cdn" | "npm";
  /** Where Excel runs: some behaviours differ on the web (see the header). */
  platform?: "web" | "windows" | "mac";
  /** Highest ExcelApi requirement set supported, e.g. "1.18" (default) or "1.8". */
  api?: string;
  date1904?: boolean;
  /** Request/response limit per sync in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
}

/**
 * Office.js's own client, when a test or the bench provides it (tests/support/office-serializer.ts,
 * Node only): every fake proxy then has a twin, the real Office.js proxy built by the same calls,
 * so each sync's request is the body Office.js would post, measured in UTF-8 bytes; the 5 MB
 * rejection applies to that. Without it (the browser e2e harness) requests are estimated.
 */
export interface TwinClient {
  newContext(): TwinContext;
}
type Twin = any;
interface TwinContext {
  workbook: Twin;
  /** UTF-8 bytes of the pending request; then forgets it, as a sent request is. */
  takeRequest(): number;
  pendingBytes(): number;
}
let twinClient: TwinClient | null = null;
/** Makes every FakeExcel created from now on measure requests with Office.js's serializer. */
export function useOfficeSerializer(client: TwinClient | null): void {
  twinClient = client;
}
function withTwin<T extends { twin: Twin }>(obj: T, twin: Twin): T {
  obj.twin = twin ?? null;
  return obj;
}

const key = (row: number, col: number) => `${row},${col}`;
/** UTF-8 bytes of a value as JSON: payload limits count bytes, and Chinese text is 3 a character. */
const json = (v: unknown) => (v === undefined ? 0 : utf8Length(JSON.stringify(v) ?? ""));
const minor = (version: string) => Number(version.split(".")[1] ?? 0);

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  date1904: boolean;
  payloadLimit: number;
  private apiMinor: number;
  /** One record per sync, successful or not. */
  readonly syncLog: SyncRecord[] = [];
  readonly library: "cdn" | "npm";
  readonly platform: "web" | "windows" | "mac";
  /** The user is typing in a cell: batches fail unless run with delayForCellEdit. */
  private editing = false;
  private editEnded: (() => void)[] = [];
  /** How many times an operation wiped the user's undo stack. */
  undoWipes = 0;
  readonly xmlParts: FakeXmlPart[] = [];
  private nextPartId = 1;

  constructor(options: FakeExcelOptions = {}) {
    this.library = options.library ?? "cdn";
    this.platform = options.platform ?? "windows";
    this.apiMinor = minor(options.api ?? "1.18");
    this.date1904 = options.date1904 ?? false;
    this.payloadLimit = options.payloadLimit ?? 5_000_000;
  }

  /** Office.context.requirements.isSetSupported, as this fake's host would answer. */
  readonly isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && minor(version ?? "1.1") <= this.apiMinor;

  /**
   * Excel.run over this fake, with Excel.run's two forms: `run(batch)` and `run(options, batch)`.
   * `delayForCellEdit` (ExcelApi 1.11) makes a batch wait while the user edits a cell instead of
   * failing (Excel.RunOptions reference).
   */
  readonly run = <T>(
    optionsOrBatch: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    maybeBatch?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const options = typeof optionsOrBatch === "function" ? {} : optionsOrBatch;
    const batch = typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch!;
    const delay = options.delayForCellEdit === true && this.apiMinor >= 11;
    return batch(new FakeContext(this, delay) as unknown as Excel.RequestContext);
  };

  /** Options that make an ExcelWorkbook run on this fake, as it would in such an Excel. */
  get hostOptions(): {
    isSetSupported: (name: string, version?: string) => boolean;
    libraryHas: (cls: string, member: string) => boolean;
  } {
    return { isSetSupported: this.isSetSupported, libraryHas: this.libraryHas };
  }

  /** Whether the JS library defines the member (the host's feature detection asks this). */
  readonly libraryHas = (cls: string, member: string): boolean =>
    !(this.library === "npm" && cls === "Worksheet" && member === "notes");

  get cellEditMode(): boolean {
    return this.editing;
  }
  /** Turns cell-edit mode on (the user is typing in a cell) or off (waiting batches go on). */
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) for (const done of this.editEnded.splice(0)) done();
  }
  waitForEditEnd(): Promise<void> {
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  /**
   * The user inserts `count` rows above row `at`: cells, notes and merges below move down, as
   * they do in Excel, while addresses recorded elsewhere stay where they were.
   */
  insertRows(sheetName: string, at: number, count = 1): void {
    const s = this.sheet(sheetName);
    const cells = new Map<string, FakeCell>();
    for (const [k, c] of s.cells) {
      const [row, col] = k.split(",").map(Number) as [number, number];
      cells.set(key(row >= at ? row + count : row, col), c);
    }
    s.cells = cells;
    const notes = new Map<string, string>();
    for (const [a, text] of s.notes) {
      const r = parseRangeAddress(a);
      notes.set(cellAddress(r.top >= at ? r.top + count : r.top, r.left), text);
    }
    s.notes = notes;
    const threads = new Map<string, FakeThread>();
    for (const [a, t] of s.threads) {
      const r = parseRangeAddress(a);
      threads.set(cellAddress(r.top >= at ? r.top + count : r.top, r.left), t);
    }
    s.threads = threads;
    s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
  }

  private nextThreadId = 1;
  /** The clerk starts a thread on a cell (Review › New Comment in Excel 365), with replies. */
  addThread(sheetName: string, address: string, content: string, replies: string[] = [], resolved = false): FakeThread {
    const s = this.sheet(sheetName);
    const addr = normalizeCell(address);
    if (s.notes.has(addr) || s.threads.has(addr)) throw new FakeOfficeError("InvalidArgument", `${addr} is annotated`);
    const thread: FakeThread = {
      id: `{THREAD-${this.nextThreadId++}}`,
      content,
      resolved,
      replies: replies.map((r) => ({ id: `{THREAD-${this.nextThreadId++}}`, content: r })),
    };
    s.threads.set(addr, thread);
    return thread;
  }
  /** A reply's id, as Excel gives one when it is added. */
  newReplyId(): string {
    return `{THREAD-${this.nextThreadId++}}`;
  }

  addXmlPart(namespaceUri: string, xml: string): FakeXmlPart {
    const part = { id: `{FAKE-PART-${this.nextPartId++}}`, namespaceUri, xml };
    this.xmlParts.push(part);
    return part;
  }

  /** The same workbook opened in a host with another requirement-set level. */
  useApi(version: string): void {
    this.apiMinor = minor(version);
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  requireApi(version: string, what: string): void {
    if (minor(version) > this.apiMinor) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name}`);
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name))
      throw new FakeOfficeError("InvalidArgument", `bad sheet name ${name}`);
    const sheet: FakeSheet = {
      name,
      visibility,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      threads: new Map(),
      showGridlines: true,
      pageLayout: {},
      footer: {},
      oddFooter: {},
      evenFooter: {},
      rowBreaks: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      deleted: false,
      protected: false,
    };
    this.sheets.push(sheet);
    if (this.activeSheet === null) this.activeSheet = name;
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Seeds cells from a top-left address; null leaves a cell empty. */
  seed(sheetName: string, topLeft: string, rows: CellSeed[][]): void {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    const { top, left } = parseRangeAddress(topLeft);
    rows.forEach((row, r) =>
      row.forEach((seed, c) => {
        if (seed === null) return;
        const cell: FakeCell =
          typeof seed === "object"
            ? { value: seed.value, numberFormat: seed.numberFormat ?? "General", text: seed.text }
            : { value: seed, numberFormat: "General" };
        if (typeof seed === "object" && seed.fill) cell.fill = { color: `#${seed.fill}`, pattern: "Solid" };
        sheet.cells.set(key(top + r, left + c), cell);
      }),
    );
  }

  merge(sheetName: string, address: string): void {
    this.sheet(sheetName).merges.push(parseRangeAddress(address));
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const { top, left } = parseRangeAddress(address);
    return this.sheet(sheetName).cells.get(key(top, left));
  }

  /** The fill a cell shows: "RRGGBB" or null for none. */
  fillOf(sheetName: string, address: string): string | null {
    const fill = this.cell(sheetName, address)?.fill;
    return fill && fill.pattern !== "None" ? fill.color.replace(/^#/, "").toUpperCase() : null;
  }

  /** Sync records from index `from` on, summed up. */
  since(from: number): { syncs: number; maxRequestBytes: number; maxResponseBytes: number } {
    const part = this.syncLog.slice(from);
    return {
      syncs: part.length,
      maxRequestBytes: Math.max(0, ...part.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...part.map((s) => s.responseBytes)),
    };
  }
}

// ---------------------------------------------------------------------------------------
// The request context and the proxy machinery

interface OpResult {
  bytes: number;
  deliver: () => void;
}
interface Op {
  request: number;
  run: () => OpResult | void;
}

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly twin: TwinContext | null = twinClient?.newContext() ?? null;

  constructor(
    readonly excel: FakeExcel,
    private readonly delayForCellEdit = false,
  ) {
    this.workbook = withTwin(new FakeWorkbookProxy(this), this.twin?.workbook);
    this.workbook.linkTwins();
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** What Office.js's ClientRequestContext offers the host's meter (session.ts). */
  get _pendingRequest(): { buildRequestMessageBodyAndRequestFlags(): { body: unknown } } {
    if (this.twin) {
      const twin = this.twin;
      // The host's meter stringifies the body: hand it a string of the measured size.
      return {
        buildRequestMessageBodyAndRequestFlags: () => ({ body: "x".repeat(Math.max(0, twin.pendingBytes() - 2)) }),
      };
    }
    const bytes = this.queue.reduce((n, op) => n + op.request, 0);
    return { buildRequestMessageBodyAndRequestFlags: () => ({ body: { estimate: "x".repeat(bytes) } }) };
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    const ops = this.queue;
    this.queue = [];
    const request = this.twin ? this.twin.takeRequest() : ops.reduce((n, op) => n + op.request, 0);
    const record: SyncRecord = { requestBytes: request, responseBytes: 0 };
    this.excel.syncLog.push(record);
    await Promise.resolve();
    // While the user edits a cell Excel refuses every batch, unless it was run with
    // delayForCellEdit, which waits for the edit to end (Excel.RunOptions; error codes reference).
    if (this.excel.cellEditMode) {
      if (!this.delayForCellEdit)
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
      await this.excel.waitForEditEnd();
    }
    if (request > this.excel.payloadLimit)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    const deliveries: (() => void)[] = [];
    for (const op of ops) {
      const result = op.run();
      if (result) {
        record.responseBytes += result.bytes;
        deliveries.push(result.deliver);
      }
    }
    if (record.responseBytes > this.excel.payloadLimit)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes`);
    for (const d of deliveries) d();
    return passThrough;
  }
}

function propertyNames(arg: unknown): string[] {
  let s: string[] = [];
  if (typeof arg === "string") s = arg.split(",");
  else if (Array.isArray(arg)) s = arg.map(String);
  else if (arg && typeof arg === "object" && typeof (arg as { select?: unknown }).select === "string")
    s = ((arg as { select: string }).select ?? "").split(",");
  return s.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "");
}

abstract class FakeClientObject<R> {
  /** The real Office.js proxy built by the same calls (see TwinClient), or null. */
  twin: Twin = null;
  private readonly loaded = new Map<string, unknown>();
  private readonly pending = new Set<string>();
  private settled = false;
  private nullObject = false;
  private resolution: { value: R | null } | null = null;

  constructor(
    readonly context: FakeContext,
    private readonly nullable = false,
    /** Created by a method call: resolved (and errors raised) at its place in the queue. */
    queued = true,
  ) {
    if (queued) {
      context.enqueue({
        request: 16,
        run: () => {
          this.resolveOrNull();
          return { bytes: 0, deliver: () => (this.settled = true) };
        },
      });
    } else {
      this.settled = true;
    }
  }

  protected abstract compute(): R | null;
  protected abstract read(name: string, target: R): unknown;
  protected write(name: string, _value: unknown, _target: R): void {
    throw new FakeOfficeError("InvalidArgument", `${name} is read-only in this fake`);
  }

  get excel(): FakeExcel {
    return this.context.excel;
  }

  private resolveOrNull(): R | null {
    if (!this.resolution) {
      const value = this.compute();
      if (value === null && !this.nullable) throw new FakeOfficeError("ItemNotFound", `${this.constructor.name}`);
      this.resolution = { value };
      this.nullObject = value === null;
    }
    return this.resolution.value;
  }

  /** The model object behind the proxy, at sync time; null objects can't be used. */
  resolve(): R {
    const v = this.resolveOrNull();
    if (v === null) throw new FakeOfficeError("InvalidOperation", `${this.constructor.name} is a null object`);
    return v;
  }

  get isNullObject(): boolean {
    if (!this.settled) throw notLoaded("isNullObject");
    return this.nullObject;
  }

  load(props?: unknown): this {
    this.twin?.load(props);
    const names = propertyNames(props);
    for (const n of names) this.pending.add(n);
    this.context.enqueue({
      request: json(names),
      run: () => {
        const target = this.resolveOrNull();
        const values = names.map((n) => (target === null ? null : this.read(n, target)));
        return {
          bytes: json(values),
          deliver: () => {
            names.forEach((n, i) => {
              this.loaded.set(n, values[i]);
              this.pending.delete(n);
            });
            this.settled = true;
          },
        };
      },
    });
    return this;
  }

  /** For collections: values delivered without a load of their own. */
  protected preload(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.settled = true;
  }

  protected prop<T>(name: string): T {
    if (this.pending.has(name)) throw notLoaded(`${name} (its load is queued after the last sync)`);
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected assign(name: string, value: unknown): void {
    if (this.twin) this.twin[name] = value;
    this.context.enqueue({
      request: json(value) + name.length,
      run: () => this.write(name, value, guardProtected(this.resolve(), name)),
    });
  }

  protected call(name: string, args: unknown[], apply: (target: R) => void, twin?: () => void): void {
    twin?.();
    this.context.enqueue({
      request: json(args) + name.length,
      run: () => apply(guardProtected(this.resolve(), name)),
    });
  }
}

/**
 * Writes to the cells of a protected sheet fail. The code Excel gives is AccessDenied in the
 * error-code table ("Error handling with the application-specific JavaScript APIs"); which code
 * each platform uses for a protected sheet is not documented, so the host also checks
 * `protection.protected` before it writes.
 */
function guardProtected<R>(target: R, what: string): R {
  const sheet = (target as { sheet?: FakeSheet } | null)?.sheet;
  const selecting = what === "select";
  if (sheet && sheet.protected && !selecting)
    throw new FakeOfficeError("AccessDenied", `${what}: the sheet ${sheet.name} is protected`);
  return target;
}

// ---------------------------------------------------------------------------------------
// Workbook, worksheets

class FakeWorkbookProxy extends FakeClientObject<FakeExcel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;
  private partsProxy?: FakeCustomXmlPartCollection;
  constructor(context: FakeContext) {
    super(context, false, false);
    this.worksheets = new FakeWorksheetCollection(context);
    this.functions = new FakeFunctions(context);
  }
  /** ExcelApi 1.5 (Workbook.customXmlParts reference). */
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.excel.requireApi("1.5", "customXmlParts");
    return (this.partsProxy ??= withTwin(new FakeCustomXmlPartCollection(this.context), this.twin?.customXmlParts));
  }
  linkTwins(): void {
    this.worksheets.twin = this.twin?.worksheets ?? null;
    this.functions.twin = this.twin?.functions ?? null;
  }
  protected compute() {
    return this.excel;
  }
  protected read(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `workbook.${name} not modelled`);
  }
}

class FakeWorksheetCollection extends FakeClientObject<FakeSheet[]> {
  constructor(context: FakeContext) {
    super(context, false, false);
  }
  protected compute() {
    return this.excel.sheets;
  }
  override load(props?: unknown): this {
    this.twin?.load(props);
    const names = propertyNames(props);
    this.context.enqueue({
      request: json(names),
      run: () => {
        const sheets = this.excel.sheets.filter((s) => !s.deleted);
        const rows = sheets.map((s) => names.map((n) => readSheetProp(this.excel, s, n)));
        return {
          bytes: json(rows),
          deliver: () => {
            const items = sheets.map((s, i) => {
              const ws = withTwin(
                new FakeWorksheet(this.context, () => (s.deleted ? null : s), false, false),
                this.twin?.getItem(s.name),
              );
              names.forEach((n, j) => ws.preloadProp(n, rows[i]![j]));
              return ws;
            });
            this.preload("items", items);
          },
        };
      },
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.prop("items");
  }
  protected read(): unknown {
    return null;
  }
  getItem(name: string): FakeWorksheet {
    return withTwin(
      new FakeWorksheet(this.context, () => this.excel.findSheet(name) ?? null, false),
      this.twin?.getItem(name),
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.excel.requireApi("1.4", "getItemOrNullObject");
    return withTwin(
      new FakeWorksheet(this.context, () => this.excel.findSheet(name) ?? null, true),
      this.twin?.getItemOrNullObject(name),
    );
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | null = null;
    this.context.enqueue({ request: json(name), run: () => void (made = this.excel.addSheet(name)) });
    return withTwin(new FakeWorksheet(this.context, () => made, false), this.twin?.add(name));
  }
}

function readSheetProp(excel: FakeExcel, s: FakeSheet, name: string): unknown {
  switch (name) {
    case "name":
      return s.name;
    case "visibility":
      return s.visibility;
    case "position":
      return excel.sheets.filter((x) => !x.deleted).indexOf(s);
    case "showGridlines":
      return s.showGridlines;
    default:
      throw new FakeOfficeError("InvalidArgument", `worksheet.${name} not modelled`);
  }
}

class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeContext,
    private readonly find: () => FakeSheet | null,
    nullable: boolean,
    queued = true,
  ) {
    super(context, nullable, queued);
  }
  protected compute() {
    return this.find();
  }
  override resolve(): FakeSheet {
    const s = super.resolve();
    if (s.deleted) throw new FakeOfficeError("ItemNotFound", `sheet ${s.name} was deleted`);
    return s;
  }
  preloadProp(name: string, value: unknown): void {
    this.preload(name, value);
  }
  protected read(name: string, s: FakeSheet): unknown {
    return readSheetProp(this.excel, s, name);
  }
  protected override write(name: string, value: unknown, s: FakeSheet): void {
    // On Windows and Mac, renaming, moving or hiding a sheet clears the undo stack (Office
    // add-ins undo support: "APIs that clear the undo stack"); Excel on the web keeps it.
    if (["visibility", "name", "position"].includes(name) && this.excel.platform !== "web") this.excel.undoWipes++;
    if (name === "visibility") s.visibility = value as FakeSheet["visibility"];
    else if (name === "showGridlines") s.showGridlines = Boolean(value);
    else if (name === "name") {
      if (this.excel.findSheet(String(value))) throw new FakeOfficeError("ItemAlreadyExists", String(value));
      s.name = String(value);
    } else if (name === "position") {
      const list = this.excel.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Number(value), 0, s);
    } else super.write(name, value, s);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.assign("name", v);
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: string) {
    this.assign("visibility", v);
  }
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.assign("position", v);
  }
  get showGridlines(): boolean {
    return this.prop("showGridlines");
  }
  set showGridlines(v: boolean) {
    this.excel.requireApi("1.8", "showGridlines");
    this.assign("showGridlines", v);
  }
  activate(): void {
    this.call(
      "activate",
      [],
      (s) => {
        if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "can't activate a hidden sheet");
        this.excel.activeSheet = s.name;
      },
      () => this.twin?.activate(),
    );
  }
  delete(): void {
    this.call(
      "delete",
      [],
      (s) => {
        // By design a VeryHidden sheet can't be deleted; make it Hidden first (Worksheet.delete
        // reference; office-js#365, where it surfaced as GeneralException).
        if (s.visibility === "VeryHidden")
          throw new FakeOfficeError("GeneralException", `${s.name} is very hidden and can't be deleted`);
        // Deleting a sheet clears the undo stack on every platform (undo support docs).
        this.excel.undoWipes++;
        const visible = this.excel.sheets.filter((x) => !x.deleted && x.visibility === "Visible");
        if (visible.length === 1 && visible[0] === s)
          throw new FakeOfficeError("InvalidOperation", "a workbook must keep one visible sheet");
        s.deleted = true;
        if (this.excel.activeSheet === s.name) this.excel.activeSheet = visible.find((x) => x !== s)?.name ?? null;
      },
      () => this.twin?.delete(),
    );
  }
  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    const rect = address === undefined ? { top: 1, left: 1, bottom: WHOLE_COLUMN_ROWS, right: 16_384 } : null;
    return withTwin(
      new FakeRange(
        this.context,
        () => ({ sheet: this.resolve(), rects: [rect ?? parseRangeAddress(address!)] }),
        false,
      ),
      address === undefined ? this.twin?.getRange() : this.twin?.getRange(address),
    );
  }
  getRanges(address: string): FakeRange {
    this.excel.requireApi("1.9", "getRanges");
    return withTwin(
      new FakeRange(
        this.context,
        () => ({ sheet: this.resolve(), rects: splitAreas(address).map(parseRangeAddress) }),
        false,
      ),
      this.twin?.getRanges(address),
    );
  }
  /** Never null: a blank sheet answers A1, as Excel does. */
  getUsedRange(valuesOnly = false): FakeRange {
    const twin = this.twin?.getUsedRange(valuesOnly);
    return withTwin(this.usedRange(valuesOnly), twin);
  }
  private usedRange(valuesOnly: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => ({
        sheet: this.resolve(),
        rects: [usedRect(this.resolve(), valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 }],
      }),
      false,
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.excel.requireApi("1.4", "getUsedRangeOrNullObject");
    const twin = this.twin?.getUsedRangeOrNullObject(valuesOnly);
    return withTwin(this.usedRangeOrNull(valuesOnly), twin);
  }
  private usedRangeOrNull(valuesOnly: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const rect = usedRect(this.resolve(), valuesOnly);
        return rect ? { sheet: this.resolve(), rects: [rect] } : null;
      },
      true,
    );
  }
  private notesProxy?: FakeNoteCollection;
  get notes(): FakeNoteCollection {
    // The npm library has no notes API: the property is simply not there, whatever the host's
    // requirement sets say (office-js 1.1.110's excel-*.js define no NoteCollection).
    if (this.excel.library === "npm") return undefined as unknown as FakeNoteCollection;
    this.excel.requireApi("1.18", "notes");
    // Twin: the npm library has no notes, so its comments (same shape: a collection on the
    // sheet, getItemByCell, add(cell, text), content, getLocation) stand in for their size.
    return (this.notesProxy ??= withTwin(new FakeNoteCollection(this.context, this), this.twin?.comments));
  }
  private commentsProxy?: FakeCommentCollection;
  /** Threaded comments (Worksheet.comments, ExcelApi 1.10). */
  get comments(): FakeCommentCollection {
    this.excel.requireApi("1.10", "comments");
    return (this.commentsProxy ??= withTwin(new FakeCommentCollection(this.context, this), this.twin?.comments));
  }
  private protectionProxy?: FakeProtection;
  /** ExcelApi 1.2 (WorksheetProtection): `protected` tells whether the sheet is protected. */
  get protection(): FakeProtection {
    return (this.protectionProxy ??= withTwin(new FakeProtection(this.context, this), this.twin?.protection));
  }
  private pageLayoutProxy?: FakePageLayout;
  get pageLayout(): FakePageLayout {
    this.excel.requireApi("1.9", "pageLayout");
    if (!this.pageLayoutProxy) {
      this.pageLayoutProxy = withTwin(new FakePageLayout(this.context, this), this.twin?.pageLayout);
      this.pageLayoutProxy.headersFooters.twin = this.pageLayoutProxy.twin?.headersFooters ?? null;
      this.pageLayoutProxy.headersFooters.linkTwins();
    }
    return this.pageLayoutProxy;
  }
  private pageBreaksProxy?: FakePageBreakCollection;
  /** ExcelApi 1.9: manual page breaks, each added before the top-left cell of its range. */
  get horizontalPageBreaks(): FakePageBreakCollection {
    this.excel.requireApi("1.9", "horizontalPageBreaks");
    return (this.pageBreaksProxy ??= withTwin(
      new FakePageBreakCollection(this.context, this),
      this.twin?.horizontalPageBreaks,
    ));
  }
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly ? cell.value === "" : false) continue;
    const [row, col] = k.split(",").map(Number) as [number, number];
    if (!r) r = { top: row, left: col, bottom: row, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.left = Math.min(r.left, col);
      r.bottom = Math.max(r.bottom, row);
      r.right = Math.max(r.right, col);
    }
  }
  return r;
}

// ---------------------------------------------------------------------------------------
// Ranges (a Range is one rectangle; RangeAreas is several and shares the class here)

interface RangeTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

function* cellsOf(t: RangeTarget): Generator<{ row: number; col: number }> {
  for (const r of t.rects)
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

function cellAt(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
function cellAt(sheet: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
function cellAt(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
  let c = sheet.cells.get(key(row, col));
  if (!c && create) {
    c = { value: "", numberFormat: "General" };
    sheet.cells.set(key(row, col), c);
  }
  return c;
}

function displayText(c: FakeCell | undefined): string {
  if (!c) return "";
  if (c.text !== undefined) return c.text;
  if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
  return String(c.value);
}

/** What Excel makes of a string typed into a cell that is not formatted as text. */
function coerce(value: unknown, numberFormat: string): { value: string | number | boolean; formula?: string } {
  if (typeof value !== "string" || numberFormat === "@") return { value: value as string | number | boolean };
  if (value.length > 1 && value.startsWith("=")) return { value: 0, formula: value };
  const trimmed = value.trim();
  if (trimmed !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed) };
  if (value.length > 1 && /^[+\-@]/.test(value)) return { value: 0, formula: `=${value.replace(/^@/, "")}` };
  return { value };
}

class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    private readonly find: () => RangeTarget | null,
    nullable: boolean,
  ) {
    super(context, nullable);
  }
  protected compute() {
    return this.find();
  }
  private matrix<T>(t: RangeTarget, f: (c: FakeCell | undefined) => T): T[][] {
    const r = single(t);
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(f(t.sheet.cells.get(key(row, col))));
      out.push(line);
    }
    return out;
  }
  protected read(name: string, t: RangeTarget): unknown {
    const prefix = quoteSheetName(t.sheet.name);
    switch (name) {
      case "address":
        return t.rects.map((r) => `${prefix}!${rectAddress(r)}`).join(",");
      case "values":
        return this.matrix(t, (c) => c?.value ?? "");
      case "text":
        return this.matrix(t, displayText);
      case "numberFormat":
        return this.matrix(t, (c) => c?.numberFormat ?? "General");
      case "rowCount":
        return single(t).bottom - single(t).top + 1;
      case "columnCount":
        return single(t).right - single(t).left + 1;
      case "rowIndex":
        return single(t).top - 1;
      case "columnIndex":
        return single(t).left - 1;
      default:
        throw new FakeOfficeError("InvalidArgument", `range.${name} not modelled`);
    }
  }
  protected override write(name: string, value: unknown, t: RangeTarget): void {
    const r = single(t);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (!Array.isArray(value) || value.length !== rows || value.some((v) => !Array.isArray(v) || v.length !== cols))
      throw new FakeOfficeError("InvalidArgument", `${name} must be a ${rows}×${cols} array`);
    const m = value as unknown[][];
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const cell = cellAt(t.sheet, r.top + i, r.left + j, true);
        const v = m[i]![j];
        if (name === "numberFormat") cell.numberFormat = String(v);
        else if (name === "values") {
          const c = coerce(v, cell.numberFormat);
          cell.value = c.value;
          cell.text = undefined;
          if (c.formula) cell.formula = c.formula;
          else delete cell.formula;
        } else super.write(name, value, t);
      }
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.assign("values", v);
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.assign("numberFormat", v);
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  private formatProxy?: FakeRangeFormat;
  get format(): FakeRangeFormat {
    if (!this.formatProxy) {
      this.formatProxy = withTwin(new FakeRangeFormat(this.context, this), this.twin?.format);
      this.formatProxy.fill.twin = this.formatProxy.twin?.fill ?? null;
      this.formatProxy.font.twin = this.formatProxy.twin?.font ?? null;
      this.formatProxy.borders.twin = this.formatProxy.twin?.borders ?? null;
    }
    return this.formatProxy;
  }
  /**
   * ExcelApi 1.9: per-cell properties of a single-area range, here only `format.fill`, read as
   * a fill load reads it (no fill: #FFFFFF, null pattern, null tintAndShade).
   */
  getCellProperties(options: { format?: { fill?: Record<string, boolean> } }): { value: unknown } {
    this.excel.requireApi("1.9", "getCellProperties");
    this.twin?.getCellProperties(options);
    const wanted = Object.keys(options.format?.fill ?? {});
    const result: { value: unknown } = { value: undefined };
    let ready = false;
    let grid: unknown[][] = [];
    this.context.enqueue({
      request: 16,
      run: () => {
        const t = this.resolve();
        const r = single(t);
        grid = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: unknown[] = [];
          for (let col = r.left; col <= r.right; col++) {
            const c = t.sheet.cells.get(key(row, col));
            const none = !c?.fill || c.fill.pattern === "None";
            const all: Record<string, unknown> = {
              color: none ? "#FFFFFF" : c!.fill!.color,
              pattern: none ? null : c!.fill!.pattern,
              patternColor: none ? null : (c!.fill!.patternColor ?? "#000000"),
              tintAndShade: none ? null : (c!.fill!.tintAndShade ?? 0),
            };
            line.push({ format: { fill: Object.fromEntries(wanted.map((k) => [k, all[k]])) } });
          }
          grid.push(line);
        }
        return { bytes: json(grid), deliver: () => void ((ready = true), (result.value = grid)) };
      },
    });
    return new Proxy(result, {
      get: (target, p) => {
        if (p === "value" && !ready) throw notLoaded("getCellProperties().value");
        return Reflect.get(target, p);
      },
    });
  }
  getMergedAreasOrNullObject(): FakeRange {
    this.excel.requireApi("1.13", "getMergedAreasOrNullObject");
    const twin = this.twin?.getMergedAreasOrNullObject();
    return withTwin(this.mergedAreas(), twin);
  }
  private mergedAreas(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        // Only merges whose top-left cell lies in the range are returned (office-js#3611,
        // #1590), and more than 512 of them make the call fail (Range.getMergedAreasOrNullObject
        // reference: "if the merged areas count in this range is more than 512, then this method
        // will fail to return the result"; the error code is not documented).
        const inside = (m: Rect) =>
          t.rects.some((r) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
        const rects = t.sheet.merges.filter(inside);
        if (rects.length > 512)
          throw new FakeOfficeError("GeneralException", `${rects.length} merged areas: more than 512`);
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }
  private derived(f: (t: RangeTarget) => Rect | null, nullable = false, twin: Twin = null): FakeRange {
    return withTwin(this.derivedRange(f, nullable), twin);
  }
  private derivedRange(f: (t: RangeTarget) => Rect | null, nullable: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        const r = f(t);
        return r ? { sheet: t.sheet, rects: [r] } : null;
      },
      nullable,
    );
  }
  getRow(index: number): FakeRange {
    return this.derived(
      (t) => {
        const r = single(t);
        if (index < 0 || r.top + index > r.bottom) throw new FakeOfficeError("InvalidArgument", `row ${index}`);
        return { ...r, top: r.top + index, bottom: r.top + index };
      },
      false,
      this.twin?.getRow(index),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(
      (t) => {
        const r = single(t);
        const out = { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
        if (out.bottom < out.top || out.right < out.left || out.bottom > WHOLE_COLUMN_ROWS || out.right > 16_384)
          throw new FakeOfficeError("InvalidArgument", "resized range outside the sheet");
        return out;
      },
      false,
      this.twin?.getResizedRange(deltaRows, deltaColumns),
    );
  }
  private intersect(other: FakeRange | string, nullable: boolean): FakeRange {
    return this.derived(
      (t) => {
        const a = single(t);
        const b = typeof other === "string" ? parseRangeAddress(other) : single(other.resolve());
        const r = {
          top: Math.max(a.top, b.top),
          left: Math.max(a.left, b.left),
          bottom: Math.min(a.bottom, b.bottom),
          right: Math.min(a.right, b.right),
        };
        if (r.top > r.bottom || r.left > r.right) {
          if (nullable) return null;
          throw new FakeOfficeError("ItemNotFound", "the ranges don't intersect");
        }
        return r;
      },
      nullable,
      nullable ? this.twin?.getIntersectionOrNullObject(twinOf(other)) : this.twin?.getIntersection(twinOf(other)),
    );
  }
  getIntersection(other: FakeRange | string): FakeRange {
    return this.intersect(other, false);
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.intersect(other, true);
  }
  merge(across = false): void {
    this.twin?.merge(across);
    this.call("merge", [across], (t) => {
      for (const r of t.rects) {
        if (t.sheet.merges.some((m) => overlaps(m, r)))
          throw new FakeOfficeError("InvalidOperation", `merge over a merged area at ${rectAddress(r)}`);
        // Merging a range that was filled first leaves the merged cell unfilled (office-js#6405,
        // case 2): fills go on after merging.
        for (const { row, col } of cellsOf({ sheet: t.sheet, rects: [r] })) delete cellAt(t.sheet, row, col)?.fill;
        if (across) for (let row = r.top; row <= r.bottom; row++) t.sheet.merges.push({ ...r, top: row, bottom: row });
        else t.sheet.merges.push({ ...r });
      }
    });
  }
  select(): void {
    this.twin?.select();
    this.call("select", [], (t) => {
      if (this.excel.activeSheet !== t.sheet.name)
        throw new FakeOfficeError("InvalidOperation", "select needs the sheet to be active");
      this.excel.selection = { sheet: t.sheet.name, address: t.rects.map(rectAddress).join(",") };
    });
  }
  unmerge(): void {
    this.twin?.unmerge();
    this.call("unmerge", [], (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !t.rects.some((r) => overlaps(m, r)));
    });
  }
  clear(_applyTo?: string): void {
    if (_applyTo === undefined) this.twin?.clear();
    else this.twin?.clear(_applyTo);
    this.call("clear", [], (t) => {
      for (const k of [...t.sheet.cells.keys()]) {
        const [row, col] = k.split(",").map(Number) as [number, number];
        if (t.rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right))
          t.sheet.cells.delete(k);
      }
    });
  }
}

const twinOf = (other: FakeRange | string): Twin => (typeof other === "string" ? other : other.twin);

function single(t: RangeTarget): Rect {
  if (t.rects.length !== 1) throw new FakeOfficeError("InvalidArgument", "this property needs a single range");
  return t.rects[0]!;
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

const WHOLE_COLUMN_ROWS = 1_048_576;

class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeBorders;
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, false, false);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
    this.borders = new FakeBorders(context, range);
  }
  protected compute() {
    return this.range.resolve();
  }
  protected read(name: string, t: RangeTarget): unknown {
    return uniform(t, (c) => (c as unknown as Record<string, unknown> | undefined)?.[name] ?? null);
  }
  protected override write(name: string, value: unknown, t: RangeTarget): void {
    if (name === "columnWidth") {
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, Number(value));
      return;
    }
    if (name === "rowHeight") {
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, Number(value));
      return;
    }
    guardWholeColumns(t, name);
    for (const { row, col } of cellsOf(t))
      (cellAt(t.sheet, row, col, true) as unknown as Record<string, unknown>)[name] = value;
  }
  set columnWidth(v: number) {
    this.assign("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.assign("rowHeight", v);
  }
  set horizontalAlignment(v: string) {
    this.assign("horizontalAlignment", v);
  }
  get horizontalAlignment(): string {
    return this.prop("horizontalAlignment");
  }
  set verticalAlignment(v: string) {
    this.assign("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.assign("wrapText", v);
  }
  get wrapText(): boolean {
    return this.prop("wrapText");
  }
  set indentLevel(v: number) {
    this.assign("indentLevel", v);
  }
}

function guardWholeColumns(t: RangeTarget, what: string): void {
  if (t.rects.some((r) => r.bottom - r.top + 1 >= WHOLE_COLUMN_ROWS))
    throw new FakeOfficeError("InvalidArgument", `the fake won't format whole columns cell by cell (${what})`);
}

function uniform(t: RangeTarget, f: (c: FakeCell | undefined) => unknown): unknown {
  let first = true;
  let out: unknown = null;
  for (const { row, col } of cellsOf(t)) {
    const v = f(t.sheet.cells.get(key(row, col)));
    if (first) {
      out = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(out)) return null;
  }
  return out;
}

class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, false, false);
  }
  protected compute() {
    return this.range.resolve();
  }
  protected read(name: string, t: RangeTarget): unknown {
    if (name === "pattern" || name === "patternColor") this.excel.requireApi("1.9", `fill.${name}`);
    if (name === "tintAndShade") this.excel.requireApi("1.9", "fill.tintAndShade");
    // No fill reads as `#FFFFFF` with a null pattern, exactly like a solid white fill as some
    // hosts report it; only `tintAndShade` is null for no fill and a number for any fill
    // (office-js#4900, #6218).
    const none = (c: FakeCell | undefined) => !c?.fill || c.fill.pattern === "None";
    if (name === "color") return uniform(t, (c) => (none(c) ? "#FFFFFF" : c!.fill!.color));
    if (name === "pattern") return uniform(t, (c) => (none(c) ? null : c!.fill!.pattern));
    if (name === "patternColor") return uniform(t, (c) => (none(c) ? null : (c!.fill!.patternColor ?? "#000000")));
    if (name === "tintAndShade") return uniform(t, (c) => (none(c) ? null : (c!.fill!.tintAndShade ?? 0)));
    throw new FakeOfficeError("InvalidArgument", `fill.${name} not modelled`);
  }
  protected override write(name: string, value: unknown, t: RangeTarget): void {
    guardWholeColumns(t, `fill.${name}`);
    for (const { row, col } of cellsOf(t)) {
      const cell = cellAt(t.sheet, row, col, true);
      const fill = (cell.fill ??= { color: "#FFFFFF", pattern: "None" });
      if (name === "color") {
        if (!/^#[0-9A-Fa-f]{6}$/.test(String(value))) throw new FakeOfficeError("InvalidArgument", `colour ${value}`);
        fill.color = String(value).toUpperCase();
        if (fill.pattern === "None") fill.pattern = "Solid";
      } else if (name === "pattern") fill.pattern = String(value);
      else if (name === "tintAndShade") fill.tintAndShade = Number(value);
      else if (name === "patternColor") fill.patternColor = String(value).toUpperCase();
      else super.write(name, value, t);
    }
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    this.assign("color", v);
  }
  get pattern(): string {
    return this.prop("pattern");
  }
  set pattern(v: string) {
    this.assign("pattern", v);
  }
  get patternColor(): string {
    return this.prop("patternColor");
  }
  get tintAndShade(): number | null {
    return this.prop("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.assign("tintAndShade", v);
  }
  set patternColor(v: string) {
    this.assign("patternColor", v);
  }
  clear(): void {
    this.twin?.clear();
    this.call("fill.clear", [], (t) => {
      guardWholeColumns(t, "fill.clear");
      for (const { row, col } of cellsOf(t)) {
        const c = cellAt(t.sheet, row, col);
        if (c) delete c.fill;
      }
    });
  }
}

class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, false, false);
  }
  protected compute() {
    return this.range.resolve();
  }
  protected read(name: string, t: RangeTarget): unknown {
    return uniform(t, (c) => (c?.font as Record<string, unknown> | undefined)?.[name] ?? null);
  }
  protected override write(name: string, value: unknown, t: RangeTarget): void {
    guardWholeColumns(t, `font.${name}`);
    for (const { row, col } of cellsOf(t)) {
      const cell = cellAt(t.sheet, row, col, true);
      cell.font ??= {} as NonNullable<FakeCell["font"]>;
      (cell.font as Record<string, unknown>)[name] = value;
    }
  }
  set name(v: string) {
    this.assign("name", v);
  }
  get name(): string {
    return this.prop("name");
  }
  set size(v: number) {
    this.assign("size", v);
  }
  set bold(v: boolean) {
    this.assign("bold", v);
  }
  set color(v: string) {
    this.assign("color", v);
  }
}

const EDGES: Record<string, "top" | "bottom" | "left" | "right" | "insideH" | "insideV"> = {
  EdgeTop: "top",
  EdgeBottom: "bottom",
  EdgeLeft: "left",
  EdgeRight: "right",
  InsideHorizontal: "insideH",
  InsideVertical: "insideV",
};

class FakeBorders {
  twin: Twin = null;
  constructor(
    private readonly context: FakeContext,
    private readonly range: FakeRange,
  ) {}
  getItem(index: string): FakeBorder {
    const edge = EDGES[index];
    if (!edge) throw new FakeOfficeError("InvalidArgument", `border ${index}`);
    return withTwin(new FakeBorder(this.context, this.range, edge), this.twin?.getItem(index));
  }
}

class FakeBorder extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {
    super(context, false, false);
  }
  protected compute() {
    return this.range.resolve();
  }
  protected read(): unknown {
    return null;
  }
  protected override write(name: string, value: unknown, t: RangeTarget): void {
    if (name !== "style") return; // colour and weight are accepted and not modelled
    guardWholeColumns(t, "border");
    // On the web, top and bottom borders set on a merged area after merging don't show where it
    // meets another merged area: the border between them is lost (office-js#6405, case 1, "only
    // in Web version"). Borders go on before merging.
    if (this.excel.platform === "web" && (this.edge === "top" || this.edge === "bottom")) {
      const merged = t.rects.filter((r) => t.sheet.merges.some((m) => sameRect(m, r)));
      for (const r of merged) {
        const row = this.edge === "top" ? r.top - 1 : r.bottom + 1;
        const side = this.edge === "top" ? "bottom" : "top";
        for (let col = r.left; col <= r.right; col++) {
          const neighbour = t.sheet.merges.some(
            (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right,
          );
          if (neighbour) delete cellAt(t.sheet, row, col)?.borders?.[side];
        }
      }
      if (merged.length === t.rects.length) return;
      t = { sheet: t.sheet, rects: t.rects.filter((r) => !merged.includes(r)) };
    }
    for (const r of t.rects)
      for (const { row, col } of cellsOf({ sheet: t.sheet, rects: [r] })) {
        const sides: ("top" | "bottom" | "left" | "right")[] = [];
        if (this.edge === "top" && row === r.top) sides.push("top");
        if (this.edge === "bottom" && row === r.bottom) sides.push("bottom");
        if (this.edge === "left" && col === r.left) sides.push("left");
        if (this.edge === "right" && col === r.right) sides.push("right");
        if (this.edge === "insideH") {
          if (row > r.top) sides.push("top");
          if (row < r.bottom) sides.push("bottom");
        }
        if (this.edge === "insideV") {
          if (col > r.left) sides.push("left");
          if (col < r.right) sides.push("right");
        }
        if (sides.length === 0) continue;
        const cell = cellAt(t.sheet, row, col, true);
        cell.borders ??= {};
        for (const s of sides) cell.borders[s] = String(value);
      }
  }
  set style(v: string) {
    this.assign("style", v);
  }
  set color(v: string) {
    this.assign("color", v);
  }
  set weight(v: string) {
    this.assign("weight", v);
  }
}

// ---------------------------------------------------------------------------------------
// Notes (ExcelApi 1.18), page layout (1.9), functions (1.2)

class FakeNoteCollection {
  twin: Twin = null;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  add(cellAddress: string, content: string): FakeNote {
    const twin = this.twin?.add(cellAddress, content);
    const addr = normalizeCell(cellAddress);
    this.context.enqueue({
      request: json([cellAddress, content]),
      run: () => {
        const s = guardProtected({ sheet: this.sheet.resolve() }, "notes.add").sheet;
        if (s.notes.has(addr)) throw new FakeOfficeError("InvalidArgument", `a note already exists at ${addr}`);
        if (s.threads.has(addr))
          throw new FakeOfficeError("InvalidArgument", `${addr} has a threaded comment: a cell holds one or a note`);
        s.notes.set(addr, content);
      },
    });
    return withTwin(new FakeNote(this.context, this.sheet, addr, false), twin);
  }
  private itemsList: FakeNote[] | null = null;
  /** `load("items/content")`: every note of the sheet, in no promised order. */
  load(props?: unknown): this {
    this.twin?.load(props);
    const names = propertyNames(props);
    let loaded: { addr: string; content: string }[] = [];
    this.context.enqueue({
      request: json(names),
      run: () => {
        const s = this.sheet.resolve();
        loaded = [...s.notes].map(([addr, content]) => ({ addr, content }));
        return {
          bytes: json(loaded.map((n) => n.content)),
          deliver: () => {
            this.itemsList = loaded.map((n) => {
              const note = withTwin(
                new FakeNote(this.context, this.sheet, n.addr, false, false),
                this.twin?.getItemByCell(n.addr),
              );
              note.preloadProp("content", n.content);
              return note;
            });
          },
        };
      },
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.itemsList) throw notLoaded("notes.items");
    return this.itemsList;
  }
  getItem(cellAddress: string): FakeNote {
    return withTwin(
      new FakeNote(this.context, this.sheet, normalizeCell(cellAddress), false),
      this.twin?.getItemByCell(cellAddress),
    );
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    return withTwin(
      new FakeNote(this.context, this.sheet, normalizeCell(cellAddress), true),
      this.twin?.getItemByCell(cellAddress),
    );
  }
}

function normalizeCell(address: string): string {
  const r = parseRangeAddress(address);
  if (r.top !== r.bottom || r.left !== r.right)
    throw new FakeOfficeError("InvalidCellAddress", `a note needs one cell, not ${address}`);
  return cellAddress(r.top, r.left);
}

class FakeNote extends FakeClientObject<{ sheet: FakeSheet; addr: string }> {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly addr: string,
    nullable: boolean,
    queued = true,
  ) {
    super(context, nullable, queued);
  }
  preloadProp(name: string, value: unknown): void {
    this.preload(name, value);
  }
  /** The note's cell, where it is now (Note.getLocation, ExcelApi 1.18). */
  getLocation(): FakeRange {
    const range = new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        return { sheet: t.sheet, rects: [parseRangeAddress(t.addr)] };
      },
      false,
    );
    return withTwin(range, this.twin?.getLocation());
  }
  protected compute() {
    const s = this.sheet.resolve();
    return s.notes.has(this.addr) ? { sheet: s, addr: this.addr } : null;
  }
  protected read(name: string, t: { sheet: FakeSheet; addr: string }): unknown {
    if (name === "content") return t.sheet.notes.get(t.addr) ?? null;
    throw new FakeOfficeError("InvalidArgument", `note.${name} not modelled`);
  }
  protected override write(name: string, value: unknown, t: { sheet: FakeSheet; addr: string }): void {
    if (name !== "content") return super.write(name, value, t);
    if (!t.sheet.notes.has(t.addr)) throw new FakeOfficeError("ItemNotFound", `note ${t.addr} is gone`);
    t.sheet.notes.set(t.addr, String(value));
  }
  get content(): string {
    return this.prop("content");
  }
  set content(v: string) {
    this.assign("content", v);
  }
  delete(): void {
    this.twin?.delete();
    this.call("note.delete", [], (t) => {
      if (!t.sheet.notes.delete(t.addr)) throw new FakeOfficeError("ItemNotFound", `note ${t.addr}`);
    });
  }
}

// Threaded comments (ExcelApi 1.10; `resolved` 1.11)

function readThread(t: FakeThread, name: string): unknown {
  if (name === "content") return t.content;
  if (name === "resolved") return t.resolved;
  if (name === "id") return t.id;
  throw new FakeOfficeError("InvalidArgument", `comment.${name} not modelled`);
}

/**
 * A resolved thread takes no reply and no edit until it is reopened: Excel's UI shows only
 * "Reopen" on it, and Document Solutions for Excel, which models Excel's threads, documents
 * `setIsResolved` as making the thread "impossible to edit and reply". Office.js documents no
 * error for it; the fake refuses, so the host must not try.
 */
function refuseResolved(t: FakeThread, what: string): void {
  if (t.resolved) throw new FakeOfficeError("InvalidOperation", `${what}: the thread is resolved`);
}

class FakeCommentCollection {
  twin: Twin = null;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  private itemsList: FakeComment[] | null = null;
  /** `load("items/…")`: every thread of the sheet, in no promised order. */
  load(props?: unknown): this {
    this.twin?.load(props);
    const names = propertyNames(props);
    let loaded: FakeThread[] = [];
    this.context.enqueue({
      request: json(names),
      run: () => {
        loaded = [...this.sheet.resolve().threads.values()];
        const values = loaded.map((t) => names.map((n) => readThread(t, n)));
        return {
          bytes: json(values),
          deliver: () => {
            this.itemsList = loaded.map((t, i) => {
              const c = withTwin(new FakeComment(this.context, this.sheet, t.id, false), this.twin?.getItem(t.id));
              names.forEach((n, k) => c.preloadProp(n, values[i]![k]));
              return c;
            });
          },
        };
      },
    });
    return this;
  }
  get items(): FakeComment[] {
    if (!this.itemsList) throw notLoaded("comments.items");
    return this.itemsList;
  }
}

type CommentTarget = { sheet: FakeSheet; addr: string; thread: FakeThread };

class FakeComment extends FakeClientObject<CommentTarget> {
  constructor(
    context: FakeContext,
    private readonly sheet: FakeWorksheet,
    readonly id: string,
    queued = true,
  ) {
    super(context, false, queued);
  }
  preloadProp(name: string, value: unknown): void {
    this.preload(name, value);
  }
  protected compute(): CommentTarget | null {
    const s = this.sheet.resolve();
    for (const [addr, thread] of s.threads) if (thread.id === this.id) return { sheet: s, addr, thread };
    return null;
  }
  protected read(name: string, t: CommentTarget): unknown {
    return readThread(t.thread, name);
  }
  /** The thread's cell, where it is now (Comment.getLocation, ExcelApi 1.10). */
  getLocation(): FakeRange {
    const range = new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        return { sheet: t.sheet, rects: [parseRangeAddress(t.addr)] };
      },
      false,
    );
    return withTwin(range, this.twin?.getLocation());
  }
  private repliesProxy?: FakeCommentReplyCollection;
  get replies(): FakeCommentReplyCollection {
    return (this.repliesProxy ??= withTwin(new FakeCommentReplyCollection(this.context, this), this.twin?.replies));
  }
  get content(): string {
    return this.prop("content");
  }
  get resolved(): boolean {
    return this.prop("resolved");
  }
  /** The model behind the proxy, for its replies. */
  target(): CommentTarget {
    return this.resolve();
  }
}

class FakeCommentReplyCollection {
  twin: Twin = null;
  constructor(
    private readonly context: FakeContext,
    private readonly comment: FakeComment,
  ) {}
  private itemsList: FakeCommentReply[] | null = null;
  load(props?: unknown): this {
    this.twin?.load(props);
    const names = propertyNames(props);
    let loaded: { id: string; content: string }[] = [];
    this.context.enqueue({
      request: json(names),
      run: () => {
        loaded = this.comment.target().thread.replies.map((r) => ({ ...r }));
        return {
          bytes: json(loaded.map((r) => names.map((n) => (n === "id" ? r.id : r.content)))),
          deliver: () => {
            this.itemsList = loaded.map((r) => {
              const reply = withTwin(
                new FakeCommentReply(this.context, this.comment, r.id, false),
                this.twin?.getItem(r.id),
              );
              for (const n of names) {
                if (n !== "id" && n !== "content")
                  throw new FakeOfficeError("InvalidArgument", `reply.${n} not modelled`);
                reply.preloadProp(n, n === "id" ? r.id : r.content);
              }
              return reply;
            });
          },
        };
      },
    });
    return this;
  }
  get items(): FakeCommentReply[] {
    if (!this.itemsList) throw notLoaded("replies.items");
    return this.itemsList;
  }
  /** CommentReplyCollection.add (ExcelApi 1.10): the reply goes last, by the current user. */
  add(content: string): FakeCommentReply {
    const twin = this.twin?.add(content);
    const id = this.context.excel.newReplyId();
    this.context.enqueue({
      request: json([content]),
      run: () => {
        const t = guardProtected(this.comment.target(), "replies.add");
        refuseResolved(t.thread, "replies.add");
        t.thread.replies.push({ id, content });
      },
    });
    return withTwin(new FakeCommentReply(this.context, this.comment, id), twin);
  }
}

type ReplyTarget = { sheet: FakeSheet; thread: FakeThread; reply: { id: string; content: string } };

class FakeCommentReply extends FakeClientObject<ReplyTarget> {
  constructor(
    context: FakeContext,
    private readonly comment: FakeComment,
    private readonly id: string,
    queued = true,
  ) {
    super(context, false, queued);
  }
  preloadProp(name: string, value: unknown): void {
    this.preload(name, value);
  }
  protected compute(): ReplyTarget | null {
    const t = this.comment.target();
    const reply = t.thread.replies.find((r) => r.id === this.id);
    return reply ? { sheet: t.sheet, thread: t.thread, reply } : null;
  }
  protected read(name: string, t: ReplyTarget): unknown {
    if (name === "content") return t.reply.content;
    if (name === "id") return t.reply.id;
    throw new FakeOfficeError("InvalidArgument", `reply.${name} not modelled`);
  }
  protected override write(name: string, value: unknown, t: ReplyTarget): void {
    if (name !== "content") return super.write(name, value, t);
    refuseResolved(t.thread, "reply.content");
    t.reply.content = String(value);
  }
  get content(): string {
    return this.prop("content");
  }
  set content(v: string) {
    this.assign("content", v);
  }
  delete(): void {
    this.call(
      "reply.delete",
      [],
      (t) => {
        refuseResolved(t.thread, "reply.delete");
        t.thread.replies.splice(t.thread.replies.indexOf(t.reply), 1);
      },
      () => this.twin?.delete(),
    );
  }
}

/** A part of one worksheet (its page layout, footers, page breaks, protection): resolved through the sheet. */
abstract class FakeSheetPart extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeContext,
    protected readonly sheet: FakeWorksheet,
  ) {
    super(context, false, false);
  }
  protected compute() {
    return this.sheet.resolve();
  }
}

class FakePageLayout extends FakeSheetPart {
  readonly headersFooters: FakeHeadersFooters;
  constructor(context: FakeContext, sheet: FakeWorksheet) {
    super(context, sheet);
    this.headersFooters = new FakeHeadersFooters(context, sheet);
  }
  protected read(name: string, s: FakeSheet): unknown {
    return s.pageLayout[name] ?? null;
  }
  protected override write(name: string, value: unknown, s: FakeSheet): void {
    // Fit-to-pages zoom is not applied unless the Page Layout tab is active (office-js#1860,
    // "does not happen when zoom = { scale: 200 }"); the fake has no ribbon, so it never is.
    if (name === "zoom" && value && typeof value === "object" && !("scale" in value)) return;
    s.pageLayout[name] = value;
  }
  set orientation(v: string) {
    this.assign("orientation", v);
  }
  set paperSize(v: string) {
    this.assign("paperSize", v);
  }
  set centerHorizontally(v: boolean) {
    this.assign("centerHorizontally", v);
  }
  set zoom(v: unknown) {
    this.assign("zoom", v);
  }
  setPrintMargins(unit: string, margins: Record<string, number>): void {
    this.twin?.setPrintMargins(unit, margins);
    this.call("setPrintMargins", [unit, margins], (s) => {
      s.pageLayout.margins = { unit, ...margins };
    });
  }
  setPrintArea(area: string): void {
    this.twin?.setPrintArea(area);
    this.call("setPrintArea", [area], (s) => {
      s.pageLayout.printArea = area;
    });
  }
}

/**
 * Worksheet.pageLayout.headersFooters (ExcelApi 1.9): `defaultForAllPages`, or, with `state`
 * OddAndEven, `oddPages` and `evenPages` ("odd header/footer needs to be specified for odd pages";
 * HeaderFooterGroup reference). The model keeps the three footers apart, as Excel does.
 */
class FakeHeadersFooters extends FakeSheetPart {
  readonly defaultForAllPages: FakeHeaderFooter;
  readonly oddPages: FakeHeaderFooter;
  readonly evenPages: FakeHeaderFooter;
  constructor(context: FakeContext, sheet: FakeWorksheet) {
    super(context, sheet);
    this.defaultForAllPages = new FakeHeaderFooter(context, sheet, "footer");
    this.oddPages = new FakeHeaderFooter(context, sheet, "oddFooter");
    this.evenPages = new FakeHeaderFooter(context, sheet, "evenFooter");
  }
  protected read(name: string, s: FakeSheet): unknown {
    if (name === "state") return s.pageLayout.footerState ?? "Default";
    throw new FakeOfficeError("InvalidArgument", `headersFooters.${name} not modelled`);
  }
  protected override write(name: string, value: unknown, s: FakeSheet): void {
    if (name !== "state") throw new FakeOfficeError("InvalidArgument", `headersFooters.${name} not modelled`);
    // The values of Excel.HeaderFooterState (@types/office-js, ExcelApi 1.9); anything else is refused.
    if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(String(value)))
      throw new FakeOfficeError("InvalidArgument", `headersFooters.state ${String(value)}`);
    s.pageLayout.footerState = value;
  }
  set state(v: string) {
    this.assign("state", v);
  }
  linkTwins(): void {
    this.defaultForAllPages.twin = this.twin?.defaultForAllPages ?? null;
    this.oddPages.twin = this.twin?.oddPages ?? null;
    this.evenPages.twin = this.twin?.evenPages ?? null;
  }
}

class FakeHeaderFooter extends FakeSheetPart {
  constructor(
    context: FakeContext,
    sheet: FakeWorksheet,
    private readonly which: "footer" | "oddFooter" | "evenFooter",
  ) {
    super(context, sheet);
  }
  protected read(): unknown {
    return null;
  }
  protected override write(name: string, value: unknown, s: FakeSheet): void {
    const part = name.replace(/Footer$/, "") as "left" | "center" | "right";
    s[this.which][part] = String(value);
  }
  set leftFooter(v: string) {
    this.assign("leftFooter", v);
  }
  set centerFooter(v: string) {
    this.assign("centerFooter", v);
  }
  set rightFooter(v: string) {
    this.assign("rightFooter", v);
  }
}

/**
 * Worksheet.horizontalPageBreaks (PageBreakCollection, ExcelApi 1.9): `add(range)` puts a break
 * "before the top-left cell of the range specified"; `removePageBreaks()` "resets all manual
 * page breaks" (PageBreakCollection reference). What Excel does with a break above row 1 is not
 * documented, so the fake records every break it is given and the tests say which rows they expect.
 */
class FakePageBreakCollection extends FakeSheetPart {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "page breaks are not read in this fake");
  }
  add(range: string): void {
    const { top } = parseRangeAddress(range);
    this.call(
      "pageBreaks.add",
      [range],
      (s) => void s.rowBreaks.push(top),
      () => this.twin?.add(range),
    );
  }
  removePageBreaks(): void {
    this.call(
      "pageBreaks.removePageBreaks",
      [],
      (s) => void (s.rowBreaks = []),
      () => this.twin?.removePageBreaks(),
    );
  }
}

class FakeProtection extends FakeSheetPart {
  protected read(name: string, s: FakeSheet): unknown {
    if (name === "protected") return s.protected;
    throw new FakeOfficeError("InvalidArgument", `protection.${name} not modelled`);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

// Custom XML parts (ExcelApi 1.5): parts stored in the workbook package, outside any sheet.

class FakeCustomXmlPartCollection {
  twin: Twin = null;
  constructor(private readonly context: FakeContext) {}
  add(xml: string): FakeCustomXmlPart {
    const twin = this.twin?.add(xml);
    let made: FakeXmlPart | null = null;
    this.context.enqueue({
      request: json(xml),
      run: () => {
        const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
        made = this.context.excel.addXmlPart(ns, xml);
      },
    });
    return withTwin(new FakeCustomXmlPart(this.context, () => made, false), twin);
  }
  getByNamespace(namespaceUri: string): FakeScopedParts {
    return withTwin(new FakeScopedParts(this.context, namespaceUri), this.twin?.getByNamespace(namespaceUri));
  }
}

class FakeScopedParts {
  twin: Twin = null;
  private list: FakeCustomXmlPart[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly namespaceUri: string,
  ) {}
  private find(): FakeXmlPart[] {
    return this.context.excel.xmlParts.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  load(props?: unknown): this {
    this.twin?.load(props);
    let found: FakeXmlPart[] = [];
    this.context.enqueue({
      request: 40,
      run: () => {
        found = this.find();
        return {
          bytes: json(found.map((p) => p.id)),
          deliver: () => {
            this.list = found.map((p) => {
              const part = withTwin(
                new FakeCustomXmlPart(this.context, () => p, false, false),
                this.twin?.getItem(p.id),
              );
              part.preloadProp("id", p.id);
              return part;
            });
          },
        };
      },
    });
    return this;
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.list) throw notLoaded("customXmlParts.items");
    return this.list;
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    const twin = this.twin?.getOnlyItemOrNullObject();
    return withTwin(this.onlyItem(), twin);
  }
  private onlyItem(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const found = this.find();
        if (found.length > 1) throw new FakeOfficeError("InvalidOperation", "more than one part in the namespace");
        return found[0] ?? null;
      },
      true,
    );
  }
}

class FakeCustomXmlPart extends FakeClientObject<FakeXmlPart> {
  constructor(
    context: FakeContext,
    private readonly find: () => FakeXmlPart | null,
    nullable: boolean,
    queued = true,
  ) {
    super(context, nullable, queued);
  }
  protected compute() {
    return this.find();
  }
  protected read(name: string, p: FakeXmlPart): unknown {
    if (name === "id") return p.id;
    if (name === "namespaceUri") return p.namespaceUri;
    throw new FakeOfficeError("InvalidArgument", `customXmlPart.${name} not modelled`);
  }
  get id(): string {
    return this.prop("id");
  }
  preloadProp(name: string, value: unknown): void {
    this.preload(name, value);
  }
  getXml(): { value: string } {
    this.twin?.getXml();
    const result = { value: "" } as { value: string };
    let got = "";
    let ready = false;
    this.context.enqueue({
      request: 16,
      run: () => {
        got = this.resolve().xml;
        return { bytes: json(got), deliver: () => void ((ready = true), (result.value = got)) };
      },
    });
    return new Proxy(result, {
      get: (t, p) => {
        if (p === "value" && !ready) throw notLoaded("getXml().value");
        return Reflect.get(t, p);
      },
    });
  }
  setXml(xml: string): void {
    this.twin?.setXml(xml);
    this.call("setXml", [xml], (p) => void (p.xml = xml));
  }
  delete(): void {
    this.twin?.delete();
    this.call("customXmlPart.delete", [], (p) => {
      const list = this.excel.xmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}

class FakeFunctions {
  twin: Twin = null;
  constructor(private readonly context: FakeContext) {}
  date(y: number, m: number, d: number): FakeFunctionResult {
    const result = new FakeFunctionResult(this.context, () => {
      const days = (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000;
      // 1900 system: 1904-01-01 is serial 1462 (Lotus's phantom 29 Feb 1900 included).
      return this.context.excel.date1904 ? days : days + 1462;
    });
    return withTwin(result, this.twin?.date(y, m, d));
  }
}

class FakeFunctionResult extends FakeClientObject<{ value: number }> {
  constructor(
    context: FakeContext,
    private readonly calc: () => number,
  ) {
    super(context, false);
  }
  protected compute() {
    return { value: this.calc() };
  }
  protected read(name: string, t: { value: number }): unknown {
    if (name === "value") return t.value;
    if (name === "error") return null;
    throw new FakeOfficeError("InvalidArgument", `functionResult.${name}`);
  }
  get value(): number {
    return this.prop("value");
  }
  get error(): string | null {
    return this.prop("error");
  }
}
