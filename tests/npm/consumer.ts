// A TypeScript consumer of the package, type-checked by `tsc -p tests/npm` (never run): the
// results are typed, not `any`, by the types generated from the Rust ones (types.d.ts). Every
// expected-error directive below must find its error, so a type that is too loose fails too.
import {
  validate,
  defaultContext,
  ReplaySession,
  VerdictStore,
  covers,
  diff,
  presets,
  toSql,
  exportAs,
  exportDialects,
  type Answer,
  type SqlOptions,
  type Asked,
  type Coverage,
  type Dialect,
  type DialectInfo,
  type DiffClass,
  type Preset,
  type Question,
  type Category,
  type Code,
  type Diagnostic,
  type Explanation,
  type ProblemRow,
  type Provenance,
  type Row,
  type RowPlace,
  type RowsPage,
  type SelectorOutcome,
  type StoreReport,
  type TopEvent,
  type Summary,
  type VerdictRow,
  type Wrapping,
  type FileDialect,
  type FileReport,
  type TrailReport,
} from "trailscope";
import init, { validate as validateOnPage, type Report } from "trailscope/web";

const report = validate('{"TrailName": "t-trail", "EventSelectors": [{}]}', defaultContext());
// Any file: the dialect read and every trail's report (issue 11).
const file: FileReport = validate("Resources: {}", undefined, "my-trail");
const dialect: FileDialect | null = file.dialect;
const trails: TrailReport[] = file.trails;
// @ts-expect-error: a dialect is one of the names trailscope reads
const notADialect: FileDialect = "pulumi";
const codes: Code[] = report.diagnostics.map((d: Diagnostic) => d.code);
const first: Diagnostic = report.diagnostics[0];
// UTF-16 offsets are optional on the wire (the CLI's JSON has none); `validate` sets them.
const where: [string, number, number, number | undefined] = [first.pointer, first.line, first.start, first.from];
// A code narrows to its literal; a name that is no Code cannot even be compared.
if (first.code === "InvalidEventSelectorsException") {
  const exact: "InvalidEventSelectorsException" = first.code;
  void exact;
}
// @ts-expect-error: "NoSuchException" is no Code, so the comparison has no overlap
if (first.code === "NoSuchException") void first;
const provenance: "observed" | "documented" | "decision" = first.provenance;
// @ts-expect-error: provenance is a closed union
const guessed: Provenance = "guessed";
const decision: string | null = first.decision;
const exception: Code | undefined = report.error?.__type;
const status: number | undefined = report.error?.http_status;
if (report.response && "EventSelectors" in report.response) {
  const readWrite: "ReadOnly" | "WriteOnly" | "All" = report.response.EventSelectors[0].ReadWriteType;
  void readWrite;
}
if (report.response && "AdvancedEventSelectors" in report.response) {
  // @ts-expect-error: Equals is absent when unset (never null)
  const equals: string[] | null = report.response.AdvancedEventSelectors[0].FieldSelectors[0].Equals;
  void equals;
}
// @ts-expect-error: codes are a closed union
const unknownCode: Code = "NoSuchException";
// @ts-expect-error: a diagnostic has a list of fixes (the likeliest first), not one
const title: string = report.diagnostics[0].fixes.title;
// @ts-expect-error: context_error is optional
const contextLine: number = report.context_error.line;

const session = new ReplaySession("{}", null);
const rows: Row[] = JSON.parse(session.push(new Uint8Array(), true));
const logged: number = JSON.parse(session.finish(false));
const categories: Category[] = [];
for (const row of rows) {
  if ("message" in row) {
    const problem: ProblemRow = row;
    const at: [number, number] = [problem.line, problem.column];
    void at;
    // @ts-expect-error: a problem row has no verdict
    void row.logged;
  } else {
    const verdict: VerdictRow = row;
    categories.push(verdict.category);
    const wrapping: Wrapping = verdict.wrapping;
    // @ts-expect-error: eventID may be null (a record without one)
    const id: string = verdict.eventID;
    const explanation = JSON.parse(session.explain("{}", wrapping));
    if ("selectors" in explanation) {
      const typed: Explanation = explanation;
      const outcome: SelectorOutcome = typed.selectors[0];
      const reasons: string[] = typed.selectors.map((s) => s.reason);
      const derived: boolean = typed.category_derived;
      // @ts-expect-error: an outcome's decision may be null
      const rests: string = outcome.decision;
      void [reasons, derived, rests, id];
    } else {
      const problem: string = explanation.problem;
      void problem;
    }
  }
}
// @ts-expect-error: "Unknown" is no Category
categories.push("Unknown");
const summary: Summary = JSON.parse(session.summary());
const perSelector: number[] = summary.by_selector;
const management: number | undefined = summary.by_category.Management?.events;
// @ts-expect-error: the summary has no such member
void summary.nothing;
// @ts-expect-error: wrapping is 0, 1 or 2
session.explain("{}", 3);
const store = new VerdictStore("{}", null, null);
const page: RowsPage = JSON.parse(store.page({ logged: "changed", selector: null, text: "" }, 0, 20));
// A page's rows are the rows ReplaySession gives.
const paged: Row[] = page.rows;
const before: boolean[] = page.before;
for (const row of page.rows) {
  if (!("message" in row)) {
    const verdict: VerdictRow = row;
    void verdict;
  }
}
const stored: StoreReport = JSON.parse(store.report());
const top: string[] = stored.top.map((t: TopEvent) => t.name);
const storedSummary: Summary = stored.summary;
const place = JSON.parse(store.place(0));
if (place !== null && !("problem" in place)) {
  const at: RowPlace = place;
  const again: Wrapping = at.wrapping;
  void again;
}
const why = JSON.parse(store.explain("{}", 0));
if ("selectors" in why) {
  const typed: Explanation = why;
  void typed;
}
// @ts-expect-error: the verdict filter is a closed union
store.page({ logged: "sometimes", selector: null, text: "" }, 0, 20);
// @ts-expect-error: a page's rows are core's rows, which carry no `before`
void page.rows[0].before;
void [page, paged, before, top, storedSummary];
// Stored selectors are checked as PutEventSelectors would (the error is thrown): a session.
const fromStored: ReplaySession = ReplaySession.fromSelectors('{"EventSelectors": [{}]}');
void fromStored;
// Plain JSON.parse stays `any`.
const untouched: Date = JSON.parse("{}");

// Questions: the answer union, the examples' records, the diff's classes.
const asked: Asked<Coverage> = covers("{}", '{"eventCategory": "Data"}');
if ("answer" in asked) {
  const answer: Answer = asked.answer.answer;
  const region: unknown = asked.answer.loggedExample?.record["awsRegion"];
  void [answer, region];
} else {
  const why: string = asked.refused;
  void why;
}
// @ts-expect-error: an answer is all, some or none
const maybe: Answer = "maybe";
const changed = diff("{}", "{}");
if ("answer" in changed) {
  const classes: DiffClass[] = changed.answer.onlyA;
  const q: Question = classes[0].question;
  void q;
}
const ids: string[] = presets().map((p: Preset) => p.id);
void [maybe, ids];

// SQL: typed options, the answer is the text.
const sqlOptions: SqlOptions = { dialect: "duckdb", mode: "count", source: "logs/*.json.gz" };
const sql = toSql("{}", undefined, sqlOptions);
const sqlText: string = "answer" in sql ? sql.answer : sql.refused;
// @ts-expect-error: the dialects are a closed union
toSql("{}", undefined, { dialect: "oracle", mode: "where" });
void sqlText;
// Exports: the dialect is a closed union, the export a string or a refusal.
const menu: DialectInfo[] = exportDialects();
const firstDialect: Dialect = menu[0].id;
const exported: Asked<string> = exportAs("{}", firstDialect);
if ("answer" in exported) {
  const text: string = exported.answer;
  void text;
}
// @ts-expect-error: "yaml" is no Dialect
exportAs("{}", "yaml");
void exported;

await init();
const onPage: Report = validateOnPage("{}");

export { codes, where, provenance, guessed, decision, exception, status, unknownCode, title, contextLine, logged, perSelector, management, untouched, onPage };
